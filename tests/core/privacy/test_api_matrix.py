"""The privacy matrix through an API built like a plugin's: list and detail of each audience
for each kind of viewer (404 when not visible), and writes checked by IsOwnerOrManager."""
import pytest
from django.contrib.auth.models import Permission

from core.privacy.audiences import Audience
from tests.core.privacy.matrix import ALLOWED, VIEWERS
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.testapp.urls")]

NOTES = "/api/v1/testapp/notes/"


def client_for(api_client, viewer):
    if viewer.is_authenticated:
        api_client.force_authenticate(viewer)
    return api_client


@pytest.mark.parametrize("viewer", VIEWERS)
def test_list_shows_exactly_what_the_viewer_may_see(world, api_client, viewer):
    viewers, notes, _ = world
    response = client_for(api_client, viewers[viewer]).get(NOTES, {"page_size": 50})
    assert response.status_code == 200
    expected = {str(notes[audience].pk) for audience, allowed in ALLOWED.items()
                if viewer in allowed}
    assert {note["id"] for note in response.json()["results"]} == expected


@pytest.mark.parametrize("viewer", VIEWERS)
@pytest.mark.parametrize("audience", list(Audience))
def test_detail_is_a_404_when_not_visible(world, api_client, viewer, audience):
    viewers, notes, _ = world
    note = notes[audience]
    response = client_for(api_client, viewers[viewer]).get(f"{NOTES}{note.pk}/")
    if viewer in ALLOWED[audience]:
        assert response.status_code == 200
        assert response.json() == {"id": str(note.pk), "title": note.title, "body": "",
                                   "audience": audience.value,
                                   "owner": viewers["owner"].profile.handle}
    else:
        assert response.status_code == 404
        assert response.json() == {"detail": "Not found."}


def test_owner_may_change_their_note(world, api_client):
    viewers, notes, _ = world
    api_client.force_authenticate(viewers["owner"])
    response = api_client.patch(f"{NOTES}{notes[Audience.PRIVATE].pk}/", {"title": "Mine"})
    assert response.status_code == 200
    notes[Audience.PRIVATE].refresh_from_db()
    assert notes[Audience.PRIVATE].title == "Mine"


def test_others_may_not_change_a_note_they_see_nor_find_one_they_do_not(world, api_client):
    viewers, notes, _ = world
    api_client.force_authenticate(viewers["stranger"])
    seen = api_client.patch(f"{NOTES}{notes[Audience.MEMBERS].pk}/", {"title": "Theirs"})
    assert seen.status_code == 403
    assert seen.json() == {"detail": "Only the owner or a manager may change this."}
    unseen = api_client.patch(f"{NOTES}{notes[Audience.PRIVATE].pk}/", {"title": "Theirs"})
    assert unseen.status_code == 404
    anonymous = api_client.__class__().patch(f"{NOTES}{notes[Audience.PUBLIC].pk}/",
                                             {"title": "Theirs"})
    assert anonymous.status_code == 401
    titles = {note.title for note in notes.values()}
    for note in notes.values():
        note.refresh_from_db()
    assert {note.title for note in notes.values()} == titles


def test_a_manager_with_the_change_permission_may_change_a_note_they_see(world, api_client):
    viewers, notes, _ = world
    manager = UserFactory()
    manager.user_permissions.add(Permission.objects.get(codename="change_note"))
    api_client.force_authenticate(manager)
    response = api_client.patch(f"{NOTES}{notes[Audience.MEMBERS].pk}/", {"title": "Edited"})
    assert response.status_code == 200
    assert response.json()["title"] == "Edited"
    # Managing does not widen what one sees.
    assert api_client.patch(f"{NOTES}{notes[Audience.PRIVATE].pk}/",
                            {"title": "x"}).status_code == 404


@pytest.mark.parametrize("page_size", [1, 50])
def test_list_runs_a_fixed_number_of_queries(world, api_client, django_assert_max_num_queries,
                                             page_size):
    viewers, _, _ = world
    api_client.force_authenticate(viewers["moderator"])
    with django_assert_max_num_queries(3):
        response = api_client.get(NOTES, {"page_size": page_size})
    assert len(response.json()["results"]) == min(page_size, 2)
