"""Export and erasure of a member's polls data: everything they put in, nothing left of their
strings afterwards, and every count still right."""
import pytest

from core.privacy.services import erase_member, export_member
from plugins.polls.models import Ballot, Poll, PollOption, Response, Survey
from plugins.polls.results.surveys import survey_results
from plugins.polls.services.responses import save_draft, submit
from plugins.polls.services.voting import vote
from tests.factories import UserFactory
from tests.plugins.polls.factories import SINGLE, make_poll, make_survey, open_survey

pytestmark = pytest.mark.django_db

WORDS = {"kind": "long_text", "text": "In your words"}


@pytest.fixture
def involved():
    member = UserFactory()
    own_poll = make_poll(member, question="My own question about sleep")
    poll = make_poll(options=["Tuesday", "Friday"])
    vote(poll, member, [poll.options.get(label="Friday").pk])
    vote(poll, UserFactory(), [poll.options.get(label="Friday").pk])
    own_survey = make_survey(member, title="My survey on fatigue")
    survey = open_survey(make_survey(questions=[SINGLE, WORDS]))
    work, words = survey.questions.order_by("position")
    submit(survey, member, {str(work.pk): "yes", str(words.pk): "my private story"})
    draft_survey = open_survey(make_survey(questions=[SINGLE]))
    save_draft(draft_survey, member, {})
    return member, own_poll, poll, own_survey, survey, work


def test_the_export_holds_everything_the_member_put_in(involved):
    member, own_poll, poll, own_survey, survey, work = involved
    section = export_member(member)["polls"]["data"]
    assert section["polls"][0]["question"] == "My own question about sleep"
    assert section["votes"] == [{"poll": str(poll.pk), "question": poll.question,
                                 "choices": ["Friday"], "voted_at": section["votes"][0]["voted_at"]}]
    assert section["surveys"][0]["title"] == "My survey on fatigue"
    story = next(r for r in section["responses"] if r["survey"] == str(survey.pk))
    assert "my private story" in story["answers"].values()
    assert {r["status"] for r in section["responses"]} == {"submitted", "draft"}


def test_erasure_leaves_none_of_their_strings_and_the_counts_stay(involved):
    member, own_poll, poll, own_survey, survey, work = involved
    member_id = member.pk
    erase_member(member)
    assert not Ballot.objects.filter(owner_id=member_id).exists()
    assert not Poll.objects.filter(pk=own_poll.pk).exists()
    assert not Survey.objects.filter(pk=own_survey.pk).exists()
    assert Poll.objects.get(pk=poll.pk).voter_count == 2
    assert PollOption.objects.get(poll=poll, label="Friday").vote_count == 2
    kept = Response.objects.get(survey=survey)
    assert kept.owner_id is None
    assert "my private story" not in str(kept.answers)
    assert kept.answers == {str(work.pk): "yes"}
    assert Survey.objects.get(pk=survey.pk).response_count == 1
    assert survey_results(survey, for_manager=True)["questions"][0]["answered"]["value"] is None
    assert Response.objects.count() == 1  # the draft went
