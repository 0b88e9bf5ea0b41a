"""The privacy matrix through an API built like a plugin's: list and detail of each audience
for each kind of viewer (404 when not visible), and writes checked by IsOwnerOrManager."""
import pytest
from django.contrib.auth.models import Permission

from core.privacy.audiences import Audience
from tests.factories import UserFactory
from tests.kit import ALLOWED, VIEWERS, assert_constant_queries, assert_follows_matrix
from tests.testapp.models import Note

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.testapp.urls")]

NOTES = "/api/v1/testapp/notes/"


def client_for(api_client, viewer):
    if viewer.is_authenticated:
        api_client.force_authenticate(viewer)
    return api_client


def make_note(owner, audience, community):
    return Note.objects.create(owner=owner, audience=audience, community=community,
                               title=f"A {audience} note")


def test_notes_follow_the_matrix_in_the_list_and_the_detail():
    assert_follows_matrix(make_note, lambda note: f"{NOTES}{note.pk}/", list_url=NOTES)


@pytest.mark.parametrize("audience", list(Audience))
def test_a_detail_shows_the_note_or_a_404(world, api_client, audience):
    viewers, notes, _ = world
    note = notes[audience]
    for viewer in VIEWERS:
        response = client_for(api_client.__class__(), viewers[viewer]).get(f"{NOTES}{note.pk}/")
        if viewer in ALLOWED[audience]:
            assert response.json() == {"id": str(note.pk), "title": note.title, "body": "",
                                       "audience": audience.value,
                                       "owner": viewers["owner"].profile.handle}
        else:
            assert response.json() == {"detail": "Not found."}


def test_the_matrix_check_fails_for_a_leaky_model():
    def leaky_note(owner, audience, community):
        return make_note(owner, Audience.PUBLIC if audience == Audience.CIRCLE else audience,
                         community)

    with pytest.raises(AssertionError, match="(?s)testapp.Note breaks the privacy matrix.*"
                                             "anonymous: visible_to gives"):
        assert_follows_matrix(leaky_note, lambda note: f"{NOTES}{note.pk}/", list_url=NOTES)


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
    in_french = api_client.patch(f"{NOTES}{notes[Audience.MEMBERS].pk}/", {"title": "Theirs"},
                                 HTTP_ACCEPT_LANGUAGE="fr")
    assert in_french.json() == {"detail": "Seuls l'auteur ou un responsable peuvent modifier cela."}
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


def test_list_runs_a_fixed_number_of_queries(world, api_client):
    viewers, _, _ = world
    api_client.force_authenticate(viewers["moderator"])

    def make_rows(count):
        for number in range(count):
            make_note(viewers["owner"], Audience.MEMBERS, None)

    assert assert_constant_queries(api_client, NOTES, make_rows) <= 3
