"""Member-to-member blocks: content hidden both ways, no contact, managed under /me/blocks/."""
import pytest

from core.moderation.models import Block
from core.errors import NotAllowed
from core.privacy.relations import ensure_not_blocked
from core.privacy.audiences import Audience
from tests.factories import UserFactory
from tests.testapp.models import Note

pytestmark = pytest.mark.django_db


@pytest.fixture
def me(api_client):
    me = UserFactory()
    api_client.force_authenticate(me)
    return me


def test_blocking_hides_content_both_ways_and_refuses_contact(api_client, me):
    pest = UserFactory()
    mine = Note.objects.create(owner=me, audience=Audience.PUBLIC, title="mine")
    theirs = Note.objects.create(owner=pest, audience=Audience.PUBLIC, title="theirs")
    ensure_not_blocked(me, pest)  # nothing to refuse yet
    response = api_client.post("/api/v1/me/blocks/", {"handle": pest.profile.handle})
    assert response.status_code == 201
    assert response.json() == {"handle": pest.profile.handle,
                               "created_at": response.json()["created_at"]}
    assert not mine.is_visible_to(pest) and not theirs.is_visible_to(me)
    for one, other in ((me, pest), (pest, me)):
        with pytest.raises(NotAllowed) as refused:
            ensure_not_blocked(one, other)
        assert refused.value.status_code == 403
        assert str(refused.value.as_data()["detail"]) == (
            "You cannot contact or invite this member: one of you blocked the other.")

    assert api_client.delete(f"/api/v1/me/blocks/{pest.profile.handle}/").status_code == 204
    assert mine.is_visible_to(pest) and theirs.is_visible_to(me)
    ensure_not_blocked(pest, me)


def test_block_errors(api_client, me):
    other = UserFactory()
    api_client.post("/api/v1/me/blocks/", {"handle": other.profile.handle})
    assert api_client.post("/api/v1/me/blocks/", {"handle": other.profile.handle}).json() == {
        "detail": "You already blocked this member."}
    assert api_client.post("/api/v1/me/blocks/", {"handle": me.profile.handle}).json() == {
        "handle": ["You cannot block yourself."]}
    assert api_client.post("/api/v1/me/blocks/", {"handle": "nobody"}).status_code == 404
    assert api_client.post("/api/v1/me/blocks/", {}).json() == {
        "handle": ["This field is required."]}
    assert api_client.delete("/api/v1/me/blocks/nobody/").status_code == 404
    assert Block.objects.count() == 1
    api_client.force_authenticate(None)
    assert api_client.get("/api/v1/me/blocks/").status_code == 401


@pytest.mark.parametrize("page_size", [1, 50])
def test_block_list_query_count(api_client, me, page_size, django_assert_max_num_queries):
    for _ in range(55):
        Block.objects.create(blocker=me, blocked=UserFactory())
    Block.objects.create(blocker=UserFactory(), blocked=me)  # not mine to list
    with django_assert_max_num_queries(2):
        response = api_client.get(f"/api/v1/me/blocks/?page_size={page_size}")
    assert len(response.json()["results"]) == page_size


@pytest.mark.parametrize("who_blocked", ["inviter", "invitee"])
def test_a_circle_invitation_across_a_block_is_a_clear_403(api_client, me, who_blocked):
    from core.identity.models import CircleMembership
    from core.notifications.models import Notification

    other = UserFactory()
    blocker, blocked = (me, other) if who_blocked == "inviter" else (other, me)
    api_client.force_authenticate(blocker)
    assert api_client.post("/api/v1/me/blocks/", {"handle": blocked.profile.handle}
                           ).status_code == 201
    api_client.force_authenticate(me)
    response = api_client.post("/api/v1/me/circle/", {"handle": other.profile.handle,
                                                       "relation": "relative"})
    assert response.status_code == 403
    assert response.json() == {
        "detail": "You cannot contact or invite this member: one of you blocked the other."}
    assert not CircleMembership.objects.exists()
    assert not Notification.objects.filter(recipient=other).exists()
