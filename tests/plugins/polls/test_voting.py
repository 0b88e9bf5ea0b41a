"""Voting through the API: one ballot per member, its changes and withdrawal, retried requests."""
from datetime import timedelta

import pytest
from django.utils import timezone

from plugins.polls.models import Ballot, Poll, PollOption
from tests.factories import UserFactory
from tests.plugins.polls.conftest import client_for
from tests.plugins.polls.factories import make_poll, option_ids

pytestmark = pytest.mark.django_db

URL = "/api/v1/polls/polls/"


def counts(poll):
    return list(PollOption.objects.filter(poll=poll).order_by("position")
                .values_list("vote_count", flat=True))


def test_a_member_votes_sees_their_own_vote_and_the_counts_move(member):
    poll = make_poll()
    first, second, _third = option_ids(poll)
    response = client_for(member).post(f"{URL}{poll.pk}/vote/", {"options": [second]},
                                       format="json")
    assert response.status_code == 201
    assert response.json()["options"] == [second]
    assert counts(poll) == [0, 1, 0]
    assert Poll.objects.get(pk=poll.pk).voter_count == 1
    mine = client_for(member).get(f"{URL}{poll.pk}/vote/")
    assert mine.status_code == 200 and mine.json()["options"] == [second]
    assert client_for(member).get(f"{URL}{poll.pk}/").json()["has_voted"] is True


def test_the_same_vote_again_is_answered_once_a_different_one_is_refused(member):
    poll = make_poll()
    first, second, _third = option_ids(poll)
    client = client_for(member)
    assert client.post(f"{URL}{poll.pk}/vote/", {"options": [first]},
                       format="json").status_code == 201
    assert client.post(f"{URL}{poll.pk}/vote/", {"options": [first]},
                       format="json").status_code == 200
    refused = client.post(f"{URL}{poll.pk}/vote/", {"options": [second]}, format="json")
    assert refused.status_code == 409
    assert counts(poll) == [1, 0, 0]
    assert client.delete(f"{URL}{poll.pk}/vote/").status_code == 409


def test_with_an_idempotency_key_a_retry_gets_the_first_answer(member):
    poll = make_poll()
    first, second, _third = option_ids(poll)
    client = client_for(member)
    key = {"HTTP_IDEMPOTENCY_KEY": "c0ffee-1"}
    one = client.post(f"{URL}{poll.pk}/vote/", {"options": [first]}, format="json", **key)
    again = client.post(f"{URL}{poll.pk}/vote/", {"options": [first]}, format="json", **key)
    assert one.status_code == again.status_code == 201
    assert again.json() == one.json()
    assert again.headers["Idempotent-Replayed"] == "true"
    other = client.post(f"{URL}{poll.pk}/vote/", {"options": [second]}, format="json", **key)
    assert other.status_code == 409
    assert counts(poll) == [1, 0, 0]


def test_votes_change_and_withdraw_until_closing_when_the_poll_allows(member):
    poll = make_poll(allow_change=True, multiple=True, max_choices=2)
    first, second, third = option_ids(poll)
    client = client_for(member)
    client.post(f"{URL}{poll.pk}/vote/", {"options": [first, second]}, format="json")
    changed = client.post(f"{URL}{poll.pk}/vote/", {"options": [third, second]}, format="json")
    assert changed.status_code == 200
    assert counts(poll) == [0, 1, 1]
    assert client.delete(f"{URL}{poll.pk}/vote/").status_code == 204
    assert counts(poll) == [0, 0, 0]
    assert Poll.objects.get(pk=poll.pk).voter_count == 0
    assert client.delete(f"{URL}{poll.pk}/vote/").status_code == 404
    assert client.get(f"{URL}{poll.pk}/vote/").status_code == 404


@pytest.mark.parametrize("body, field", [
    ({}, "options"),
    ({"options": []}, "options"),
    ({"options": "abc"}, "options"),
    ({"options": ["not-a-uuid"]}, "options"),
    ({"options": ["FIRST", "FIRST"]}, "options"),
    ({"options": ["FIRST", "SECOND"]}, "options"),  # single choice
    ({"options": ["ELSEWHERE"]}, "options"),  # another poll's option
])
def test_bad_votes_get_a_clear_400_and_nothing_is_stored(member, body, field):
    poll = make_poll()
    elsewhere = make_poll()
    first, second, _third = option_ids(poll)
    names = {"FIRST": first, "SECOND": second, "ELSEWHERE": option_ids(elsewhere)[0]}
    if isinstance(body.get("options"), list):
        body = {"options": [names.get(value, value) for value in body["options"]]}
    response = client_for(member).post(f"{URL}{poll.pk}/vote/", body, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert not Ballot.objects.exists()
    assert counts(poll) == [0, 0, 0]


def test_too_many_choices_are_refused(member):
    poll = make_poll(multiple=True, max_choices=2)
    response = client_for(member).post(f"{URL}{poll.pk}/vote/", {"options": option_ids(poll)},
                                       format="json")
    assert response.status_code == 400
    assert "at most 2" in response.json()["options"][0]


@pytest.mark.parametrize("when", ["closed", "early", "scheduled"])
def test_votes_on_a_poll_that_is_not_open_are_refused(member, when):
    poll = make_poll()
    if when == "closed":
        Poll.objects.filter(pk=poll.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    elif when == "early":
        Poll.objects.filter(pk=poll.pk).update(closed_at=timezone.now())
    else:
        Poll.objects.filter(pk=poll.pk).update(opens_at=timezone.now() + timedelta(days=1))
    response = client_for(member).post(f"{URL}{poll.pk}/vote/",
                                       {"options": option_ids(poll)[:1]}, format="json")
    assert response.status_code == 409
    assert not Ballot.objects.exists()


def test_anonymous_visitors_and_those_who_cannot_see_the_poll_cannot_vote(member, community):
    poll = make_poll(audience="members")
    assert client_for().post(f"{URL}{poll.pk}/vote/", {"options": option_ids(poll)[:1]},
                             format="json").status_code in (401, 403)
    from tests.factories import MembershipFactory

    author = UserFactory()
    MembershipFactory(community=community, member=author)
    closed_group = make_poll(author, audience="community", community=community)
    response = client_for(member).post(f"{URL}{closed_group.pk}/vote/",
                                       {"options": option_ids(closed_group)[:1]}, format="json")
    assert response.status_code == 404
    assert not Ballot.objects.exists()


def test_refusals_are_in_the_member_s_language(member):
    poll = make_poll(multiple=True, max_choices=2)
    response = client_for(member).post(f"{URL}{poll.pk}/vote/", {"options": option_ids(poll)},
                                       format="json", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 400
    assert response.json()["options"] == ["Choisissez au plus 2 options."]
