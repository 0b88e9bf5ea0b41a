"""Real parallel votes and survey submissions on PostgreSQL: counts equal a recount."""
import pytest
from django.db.models import Count

from plugins.polls.models import Ballot, Poll, PollOption, Response, Survey
from plugins.polls.services import responses, voting
from tests.concurrency import POSTGRESQL_ONLY, run_in_parallel
from tests.factories import UserFactory
from tests.plugins.polls.conftest import client_for
from tests.plugins.polls.factories import SINGLE, make_poll, make_survey, open_survey, option_ids

pytestmark = [pytest.mark.postgres, *POSTGRESQL_ONLY]


def vote_request(poll, member, options):
    return lambda: client_for(member).post(f"/api/v1/polls/polls/{poll.pk}/vote/",
                                           {"options": options}, format="json").status_code


def recount(poll):
    counted = dict(Ballot.options.through.objects.filter(ballot__poll=poll)
                   .values_list("polloption").annotate(n=Count("id")))
    return {option.pk: counted.get(option.pk, 0) for option in poll.options.all()}


def stored(poll):
    return dict(PollOption.objects.filter(poll=poll).values_list("pk", "vote_count"))


def test_fifty_members_voting_at_once_give_exactly_fifty_votes():
    poll = make_poll()
    first = option_ids(poll)[0]
    members = [UserFactory() for _ in range(50)]
    statuses = run_in_parallel(lambda it=iter(members): vote_request(poll, next(it), [first])(),
                               50)
    assert statuses == [201] * 50
    assert Poll.objects.get(pk=poll.pk).voter_count == 50
    assert stored(poll) == recount(poll)
    assert stored(poll)[PollOption.objects.get(pk=first).pk] == 50


def test_one_member_voting_twenty_times_at_once_gives_one_vote():
    poll = make_poll()
    member = UserFactory()
    first = option_ids(poll)[0]
    statuses = run_in_parallel(vote_request(poll, member, [first]), 20)
    assert sorted(statuses) == [200] * 19 + [201]  # the retries find the same vote
    assert Ballot.objects.filter(poll=poll).count() == 1
    assert Poll.objects.get(pk=poll.pk).voter_count == 1
    assert stored(poll) == recount(poll)


def test_thirty_members_changing_their_vote_at_once_leave_counts_equal_to_a_recount():
    poll = make_poll(allow_change=True, multiple=True, max_choices=2)
    first, second, third = option_ids(poll)
    members = [UserFactory() for _ in range(30)]
    for member in members:
        voting.vote(poll, member, [first, second])
    plan = iter([(member, choice) for member in members
                 for choice in ([third], [second, third], [first])])
    # Each member sends three different changes at once: 90 requests in parallel.
    run_in_parallel(lambda: (lambda m, c: vote_request(poll, m, c)())(*next(plan)), 90)
    assert stored(poll) == recount(poll)
    assert Poll.objects.get(pk=poll.pk).voter_count == 30


def test_members_submitting_and_withdrawing_at_once_keep_the_response_count_exact(policy):
    survey = make_survey(questions=[SINGLE])
    open_survey(survey)
    question = str(survey.questions.get().pk)
    members = [UserFactory() for _ in range(20)]
    for member in members[:10]:
        responses.submit(survey, member, {question: "yes"})
    jobs = iter([lambda m=m: responses.withdraw(survey, m) for m in members[:10]]
                + [lambda m=m: responses.submit(survey, m, {question: "no"})
                   for m in members[10:]] * 2)
    run_in_parallel(lambda: next(jobs)(), 30)
    survey = Survey.objects.get(pk=survey.pk)
    assert survey.response_count == 10
    assert Response.objects.filter(survey=survey, status="submitted").count() == 10
