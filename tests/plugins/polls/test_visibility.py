"""Reads go through visible_to(): audiences, drafts, and moderated (hidden) objects."""
import pytest
from django.utils import timezone

from core.privacy.audiences import Audience
from plugins.polls.models import Poll, Survey
from tests.factories import MembershipFactory, UserFactory
from tests.plugins.polls.conftest import client_for
from tests.plugins.polls.factories import SINGLE, make_poll, make_survey, open_survey

pytestmark = pytest.mark.django_db


def listed(user, path):
    return {row["id"] for row in client_for(user).get(path).json()["results"]}


def test_polls_follow_their_audience(community, moderator):
    author, insider, outsider = UserFactory(), UserFactory(), UserFactory()
    for user in (author, insider):
        MembershipFactory(community=community, member=user)
    public = make_poll(author, audience=Audience.PUBLIC)
    members = make_poll(author, audience=Audience.MEMBERS)
    group = make_poll(author, audience=Audience.COMMUNITY, community=community)
    path = "/api/v1/polls/polls/"
    assert listed(None, path) == {str(public.pk)}
    assert listed(outsider, path) == {str(public.pk), str(members.pk)}
    assert listed(insider, path) == {str(public.pk), str(members.pk), str(group.pk)}
    assert client_for(outsider).get(f"{path}{group.pk}/").status_code == 404
    assert client_for(outsider).get(f"{path}{group.pk}/results/").status_code == 404
    Poll.objects.filter(pk=public.pk).update(hidden_at=timezone.now())
    assert listed(None, path) == set()
    assert str(public.pk) in listed(author, path)
    assert str(public.pk) in listed(moderator, path)


def test_draft_surveys_stay_with_their_author_and_hidden_ones_vanish(moderator):
    author = UserFactory()
    draft = make_survey(author, audience=Audience.PUBLIC, questions=[SINGLE])
    live = open_survey(make_survey(author, audience=Audience.PUBLIC, questions=[SINGLE]))
    path = "/api/v1/polls/surveys/"
    assert listed(None, path) == {str(live.pk)}
    assert listed(author, path) == {str(draft.pk), str(live.pk)}
    assert client_for(UserFactory()).get(f"{path}{draft.pk}/questions/").status_code == 404
    Survey.objects.filter(pk=live.pk).update(hidden_at=timezone.now())
    assert listed(UserFactory(), path) == set()
    assert client_for(None).get(f"{path}{live.pk}/results/").status_code == 404
