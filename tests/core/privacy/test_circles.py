"""Circles through the API: invite by handle, answer, leave or remove; circle content follows."""
import pytest

from core.identity.models import CircleMembership
from core.moderation.models import Block
from core.privacy.audiences import Audience
from tests.factories import CircleMembershipFactory, UserFactory
from tests.testapp.models import Note

pytestmark = pytest.mark.django_db

CIRCLE = "/api/v1/me/circle/"


@pytest.fixture
def alice():
    return UserFactory()


@pytest.fixture
def bob():
    return UserFactory()


def as_member(api_client, member):
    api_client.force_authenticate(member)
    return api_client


def handle(member):
    return member.profile.handle


def test_invite_accept_then_circle_content_is_shared_at_once(api_client, alice, bob):
    note = Note.objects.create(owner=alice, audience=Audience.CIRCLE, title="For my circle")
    response = as_member(api_client, alice).post(
        CIRCLE, {"handle": handle(bob), "relation": "caregiver"})
    assert response.status_code == 201
    body = response.json()
    assert body == {"handle": handle(bob), "direction": "sent", "relation": "caregiver",
                    "status": "pending", "invited_at": body["invited_at"], "answered_at": None}
    assert not note.is_visible_to(bob)

    response = as_member(api_client, bob).post(f"{CIRCLE}received/{handle(alice)}/accept/")
    assert response.status_code == 200
    assert response.json()["status"] == "accepted"
    assert response.json()["direction"] == "received"
    assert response.json()["answered_at"] is not None
    assert note.is_visible_to(bob)

    assert api_client.delete(f"{CIRCLE}received/{handle(alice)}/").status_code == 204
    assert not note.is_visible_to(bob)


def test_the_owner_removes_a_member_and_access_ends_at_once(api_client, alice, bob):
    CircleMembershipFactory(owner=alice, member=bob)
    note = Note.objects.create(owner=alice, audience=Audience.CIRCLE, title="For my circle")
    assert note.is_visible_to(bob)
    assert as_member(api_client, alice).delete(f"{CIRCLE}sent/{handle(bob)}/").status_code == 204
    assert not note.is_visible_to(bob)
    assert api_client.delete(f"{CIRCLE}sent/{handle(bob)}/").json() == {
        "detail": "This member is not in your circle."}


def test_declining_shares_nothing_and_answers_only_once(api_client, alice, bob):
    CircleMembershipFactory(owner=alice, member=bob, status="pending")
    note = Note.objects.create(owner=alice, audience=Audience.CIRCLE, title="For my circle")
    client = as_member(api_client, bob)
    assert client.post(f"{CIRCLE}received/{handle(alice)}/decline/").json()["status"] == "declined"
    assert not note.is_visible_to(bob)
    again = client.post(f"{CIRCLE}received/{handle(alice)}/accept/")
    assert again.status_code == 409
    assert again.json() == {"detail": "This invitation has already been answered."}
    assert CircleMembership.objects.get().status == "declined"


def test_list_shows_both_directions_from_my_side(api_client, alice, bob):
    carol = UserFactory()
    CircleMembershipFactory(owner=alice, member=bob, relation="relative", status="accepted")
    CircleMembershipFactory(owner=carol, member=alice, relation="professional", status="pending")
    CircleMembershipFactory(owner=bob, member=carol)  # not alice's business
    client = as_member(api_client, alice)
    rows = client.get(CIRCLE).json()["results"]
    assert [(r["handle"], r["direction"], r["relation"], r["status"]) for r in rows] == [
        (handle(carol), "received", "professional", "pending"),
        (handle(bob), "sent", "relative", "accepted"),
    ]
    assert [r["handle"] for r in client.get(CIRCLE, {"direction": "sent"}).json()["results"]] == [
        handle(bob)]
    assert [r["handle"] for r in client.get(CIRCLE, {"status": "pending"}).json()["results"]] == [
        handle(carol)]
    first = client.get(CIRCLE, {"page_size": 1}).json()
    second = client.get(first["next"]).json()
    assert [first["results"][0]["handle"], second["results"][0]["handle"]] == [
        handle(carol), handle(bob)]
    assert second["next"] is None
    assert client.get(CIRCLE, {"direction": "sideways"}).status_code == 400
    assert client.get(CIRCLE, {"status": "maybe"}).status_code == 400


@pytest.mark.parametrize("page_size", [1, 50])
def test_list_runs_a_fixed_number_of_queries(api_client, alice, django_assert_max_num_queries,
                                             page_size):
    for _ in range(30):
        CircleMembershipFactory(owner=alice)
        CircleMembershipFactory(member=alice)
    client = as_member(api_client, alice)
    with django_assert_max_num_queries(1):
        response = client.get(CIRCLE, {"page_size": page_size})
    assert len(response.json()["results"]) == page_size


def test_bad_invitations(api_client, alice, bob):
    client = as_member(api_client, alice)
    assert client.post(CIRCLE, {}).json() == {"handle": ["This field is required."],
                                               "relation": ["This field is required."]}
    assert client.post(CIRCLE, {"handle": handle(bob), "relation": "neighbour"}).json() == {
        "relation": ['"neighbour" is not a valid choice.']}
    assert client.post(CIRCLE, {"handle": ["x"], "relation": "relative"}).status_code == 400
    yourself = client.post(CIRCLE, {"handle": handle(alice), "relation": "relative"})
    assert yourself.status_code == 400
    assert yourself.json() == {"handle": ["You cannot invite yourself into your circle."]}
    unknown = client.post(CIRCLE, {"handle": "nobody-here", "relation": "relative"})
    assert unknown.status_code == 404
    bob.is_active = False
    bob.save()
    assert client.post(CIRCLE, {"handle": handle(bob), "relation": "relative"}
                       ).status_code == 404
    assert not CircleMembership.objects.exists()


def test_inviting_twice_is_a_conflict(api_client, alice, bob):
    client = as_member(api_client, alice)
    assert client.post(CIRCLE, {"handle": handle(bob), "relation": "relative"}).status_code == 201
    again = client.post(CIRCLE, {"handle": handle(bob), "relation": "caregiver"})
    assert again.status_code == 409
    assert again.json() == {"detail": "You have already invited this member."}
    assert CircleMembership.objects.get().relation == "relative"


@pytest.mark.parametrize("who_blocked", ["inviter", "invitee"])
def test_blocking_either_way_refuses_the_invitation(api_client, alice, bob, who_blocked):
    blocker, blocked = (alice, bob) if who_blocked == "inviter" else (bob, alice)
    Block.objects.create(blocker=blocker, blocked=blocked)
    response = as_member(api_client, alice).post(CIRCLE, {"handle": handle(bob),
                                                          "relation": "relative"})
    assert response.status_code == 403
    assert not CircleMembership.objects.exists()


def test_accepting_after_a_block_is_refused(api_client, alice, bob):
    CircleMembershipFactory(owner=alice, member=bob, status="pending")
    Block.objects.create(blocker=alice, blocked=bob)
    response = as_member(api_client, bob).post(f"{CIRCLE}received/{handle(alice)}/accept/")
    assert response.status_code == 403
    assert CircleMembership.objects.get().status == "pending"


def test_only_the_invitee_answers(api_client, alice, bob):
    CircleMembershipFactory(owner=alice, member=bob, status="pending")
    stranger = as_member(api_client, UserFactory())
    assert stranger.post(f"{CIRCLE}received/{handle(alice)}/accept/").status_code == 404
    inviter = as_member(api_client, alice)
    assert inviter.post(f"{CIRCLE}received/{handle(bob)}/accept/").status_code == 404
    assert inviter.delete(f"{CIRCLE}received/{handle(bob)}/").status_code == 404
    assert CircleMembership.objects.get().status == "pending"


def test_anonymous_visitors_have_no_circle(api_client, alice):
    assert api_client.get(CIRCLE).status_code == 401
    assert api_client.post(CIRCLE, {"handle": handle(alice), "relation": "relative"}
                           ).status_code == 401


def test_errors_speak_the_members_language(api_client, alice):
    response = as_member(api_client, alice).post(
        CIRCLE, {"handle": handle(alice), "relation": "relative"}, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.json() == {
        "handle": ["Vous ne pouvez pas vous inviter dans votre propre cercle."]}
