"""A poll's results: who sees them when, and the small-group rule of community health polls."""
from datetime import timedelta

import pytest
from django.utils import timezone

from plugins.polls.models import Poll
from plugins.polls.services.voting import vote
from tests.factories import MembershipFactory, UserFactory
from tests.plugins.polls.conftest import client_for
from tests.plugins.polls.factories import make_poll, option_ids

pytestmark = pytest.mark.django_db

URL = "/api/v1/polls/polls/"


def results(user, poll):
    return client_for(user).get(f"{URL}{poll.pk}/results/")


def close(poll):
    Poll.objects.filter(pk=poll.pk).update(closes_at=timezone.now() - timedelta(seconds=1))


@pytest.mark.parametrize("rule, voter, other, after_close", [
    ("always", 200, 200, 200),
    ("after_vote", 200, 403, 200),
    ("after_close", 403, 403, 200),
    ("author", 403, 403, 403),
])
def test_results_are_shown_as_the_author_chose(rule, voter, other, after_close):
    author, member, stranger = UserFactory(), UserFactory(), UserFactory()
    poll = make_poll(author, results_visibility=rule)
    vote(poll, member, option_ids(poll)[:1])
    assert results(author, poll).status_code == 200
    assert results(member, poll).status_code == voter
    assert results(stranger, poll).status_code == other
    refused = results(stranger, poll)
    if refused.status_code == 403:
        assert refused.json()["detail"]
    close(poll)
    assert results(stranger, poll).status_code == after_close
    assert results(author, poll).status_code == 200


def test_counts_and_percentages_of_an_ordinary_poll_are_all_shown():
    poll = make_poll(results_visibility="always", audience="public")
    first, second, _ = option_ids(poll)
    for choice in [first, first, second]:
        vote(poll, UserFactory(), [choice])
    body = results(None, poll).json()
    assert body["voters"] == 3
    assert [(o["votes"], o["percentage"], o["suppressed"]) for o in body["options"]] == [
        (2, 66.7, False), (1, 33.3, False), (0, 0.0, False)]


def community_health_poll(community, voters, **fields):
    author = UserFactory()
    MembershipFactory(community=community, member=author)
    poll = make_poll(author, audience="community", community=community, about_health=True,
                     results_visibility="always", **fields)
    members = []
    for _ in range(voters):
        member = UserFactory()
        MembershipFactory(community=community, member=member)
        members.append(member)
    return author, poll, members


@pytest.mark.parametrize("size, shown", [(9, False), (10, True)])
def test_a_group_of_nine_is_hidden_and_a_group_of_ten_shown(community, size, shown):
    author, poll, members = community_health_poll(community, size + 12)
    first, second, third = option_ids(poll)
    for member in members[:size]:
        vote(poll, member, [first])
    for member in members[size:]:
        vote(poll, member, [second])
    body = results(author, poll).json()
    assert body["minimum_group_size"] == 10
    by_id = {o["id"]: o for o in body["options"]}
    assert (by_id[first]["votes"] == size) is shown
    assert by_id[first]["suppressed"] is not shown
    assert by_id[third]["votes"] == 0  # a zero describes nobody
    if not shown:
        # The hidden count cannot be recomputed from the turnout and the other counts.
        assert by_id[second]["votes"] is None and body["voters"] == size + 12


def test_a_community_health_poll_with_few_voters_shows_no_figure(community):
    author, poll, members = community_health_poll(community, 4)
    for member in members:
        vote(poll, member, option_ids(poll)[:1])
    body = results(author, poll).json()
    assert body["voters"] is None and body["voters_suppressed"] is True
    assert all(o["votes"] in (None, 0) and o["percentage"] is None for o in body["options"])


def test_multiple_choice_hides_an_option_that_nearly_everyone_or_few_chose(community):
    author, poll, members = community_health_poll(community, 25, multiple=True, max_choices=3)
    first, second, third = option_ids(poll)
    for index, member in enumerate(members):
        # 3 did not choose the first option, 12 chose the second, 5 the third.
        choice = [first] if index >= 3 else []
        choice += [second] if index < 12 else []
        choice += [third] if index < 5 else []
        vote(poll, member, choice or [second])
    body = {o["id"]: o for o in results(author, poll).json()["options"]}
    assert body[first]["votes"] is None  # 22 of 25: the 3 who did not would be exposed
    assert body[second]["votes"] == 12
    assert body[third]["votes"] is None
