"""Every Audienced model of the plugin through the core's privacy matrix (tests/kit)."""
import pytest
from django.utils import timezone

from core.privacy.audiences import Audience
from plugins.polls.models import Ballot, Poll, PollOption, Response, Survey
from tests.factories import UserFactory
from tests.kit import assert_follows_matrix

pytestmark = pytest.mark.django_db


def poll(owner, audience, community):
    made = Poll.objects.create(owner=owner, audience=audience, community=community,
                               question=f"A {audience} poll?")
    PollOption.objects.bulk_create(PollOption(poll=made, position=n, label=f"option {n}")
                                   for n in range(2))
    return made


def survey(owner, audience, community):
    return Survey.objects.create(owner=owner, audience=audience, community=community,
                                 title=f"A {audience} survey", published_at=timezone.now())


def test_polls_follow_the_matrix():
    assert_follows_matrix(poll, lambda obj: f"/api/v1/polls/polls/{obj.pk}/",
                          list_url="/api/v1/polls/polls/")


def test_published_surveys_follow_the_matrix():
    assert_follows_matrix(survey, lambda obj: f"/api/v1/polls/surveys/{obj.pk}/",
                          list_url="/api/v1/polls/surveys/")


def test_ballots_follow_the_matrix():
    # The service always stores a ballot as private; the matrix checks visible_to whatever the
    # audience, so even a wrongly stored ballot would follow the rule.
    def ballot(owner, audience, community):
        return Ballot.objects.create(poll=poll(UserFactory(), Audience.PUBLIC, None),
                                     owner=owner, audience=audience, community=community)

    assert_follows_matrix(ballot)


def test_responses_follow_the_matrix():
    def response(owner, audience, community):
        return Response.objects.create(survey=survey(UserFactory(), Audience.PUBLIC, None),
                                       owner=owner, audience=audience, community=community)

    assert_follows_matrix(response)
