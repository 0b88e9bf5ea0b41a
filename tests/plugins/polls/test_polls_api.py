"""Creating, listing, closing and deleting polls through the API."""
import pytest

from plugins.polls.models import Poll
from tests.factories import MembershipFactory, UserFactory
from tests.plugins.polls.conftest import client_for
from tests.plugins.polls.factories import make_poll, option_ids

pytestmark = pytest.mark.django_db

URL = "/api/v1/polls/polls/"


def test_a_member_creates_a_poll_for_their_community(member, community):
    MembershipFactory(community=community, member=member)
    response = client_for(member).post(URL, {
        "question": "Should we write to the ministry?", "options": ["Yes", "No"],
        "audience": "community", "community": community.slug, "about_health": True,
        "results_visibility": "after_close"}, format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["state"] == "open"
    assert [option["label"] for option in body["options"]] == ["Yes", "No"]
    assert body["max_choices"] == 1 and body["community"] == community.slug
    assert body["author"] == member.profile.handle


@pytest.mark.parametrize("body, field", [
    ({}, "question"),
    ({"question": "Q?", "options": ["only one"]}, "options"),
    ({"question": "Q?", "options": [str(n) for n in range(21)]}, "options"),
    ({"question": "Q?", "options": ["Yes", "yes"]}, "options"),
    ({"question": "Q?", "options": ["Yes", " "]}, "options"),
    ({"question": "Q?", "options": ["a", "b"], "multiple": True, "max_choices": 3},
     "max_choices"),
    ({"question": "Q?", "options": ["a", "b"], "closes_at": "2001-01-01T00:00:00Z"},
     "closes_at"),
    ({"question": "Q?", "options": ["a", "b"], "closes_at": "tomorrow"}, "closes_at"),
    ({"question": "Q?", "options": ["a", "b"], "audience": "community"}, "community"),
    ({"question": "Q?", "options": ["a", "b"], "audience": "private"}, "audience"),
    ({"question": "Q?", "options": ["a", "b"], "results_visibility": "never"},
     "results_visibility"),
    ({"question": "x" * 301, "options": ["a", "b"]}, "question"),
])
def test_bad_polls_get_a_clear_400_and_nothing_is_stored(member, body, field):
    response = client_for(member).post(URL, body, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert not Poll.objects.exists()


def test_a_poll_for_a_community_the_author_is_not_in_is_refused(member, community):
    response = client_for(member).post(URL, {
        "question": "Q?", "options": ["a", "b"], "audience": "community",
        "community": community.slug}, format="json")
    assert response.status_code == 403
    assert not Poll.objects.exists()


def test_the_list_filters_by_state_and_community(member, community):
    MembershipFactory(community=community, member=member)
    open_poll = make_poll(member, audience="community", community=community)
    closed = make_poll(member)
    Poll.objects.filter(pk=closed.pk).update(closed_at=closed.opens_at)
    client = client_for(member)
    ids = lambda params: [row["id"] for row in client.get(URL, params).json()["results"]]
    assert ids({"state": "closed"}) == [str(closed.pk)]
    assert ids({"community": community.slug}) == [str(open_poll.pk)]
    assert set(ids({})) == {str(open_poll.pk), str(closed.pk)}
    assert client.get(URL, {"state": "nope"}).status_code == 400


def test_a_list_row_is_the_detail_of_the_same_poll(member):
    make_poll(member, multiple=True, max_choices=2)
    client = client_for(member)
    rows = client.get(URL).json()["results"]
    assert rows == [client.get(f"{URL}{rows[0]['id']}/").json()]


def test_only_the_author_closes_and_a_poll_with_votes_is_not_deleted(member):
    from plugins.polls.services.voting import vote

    poll = make_poll(member)
    other = UserFactory()
    assert client_for(other).post(f"{URL}{poll.pk}/close/").status_code == 403
    vote(poll, other, option_ids(poll)[:1])
    assert client_for(member).delete(f"{URL}{poll.pk}/").status_code == 409
    closed = client_for(member).post(f"{URL}{poll.pk}/close/")
    assert closed.status_code == 200 and closed.json()["state"] == "closed"
    assert client_for(member).post(f"{URL}{poll.pk}/close/").status_code == 409
    empty = make_poll(member)
    assert client_for(member).delete(f"{URL}{empty.pk}/").status_code == 204
    assert client_for(member).get(f"{URL}not-a-uuid/").status_code == 404
