"""The member's notifications and preferences through the API."""
import pytest
from django.core import mail

from core.notifications.models import Notification
from core.notifications.services import notify
from tests.factories import UserFactory
from tests.testapp.models import Note

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(api_client):
    member = UserFactory()
    api_client.force_authenticate(member)
    return member


def test_anonymous_visitors_have_no_notifications(api_client):
    assert api_client.get("/api/v1/me/notifications/").status_code == 401
    assert api_client.get("/api/v1/me/notification-preferences/").status_code == 401


def test_list_newest_first_with_unread_filter(api_client, member):
    note = Note.objects.create(owner=member, title="mine")
    first = notify(member, "tests.ping", title="First")
    second = notify(member, "tests.ping", title="Second", body="b", url="/u/", target=note)
    notify(UserFactory(), "tests.ping", title="Someone else's")
    first.read_at = first.created_at
    first.save()
    body = api_client.get("/api/v1/me/notifications/").json()
    assert [n["title"] for n in body["results"]] == ["Second", "First"]
    assert body["results"][0] == {
        "id": str(second.id), "kind": "tests.ping", "title": "Second", "body": "b", "url": "/u/",
        "target": {"type": "testapp.note", "id": str(note.pk)}, "unread": True, "read_at": None,
        "created_at": body["results"][0]["created_at"]}
    unread = api_client.get("/api/v1/me/notifications/?unread=true").json()["results"]
    assert [n["title"] for n in unread] == ["Second"]


@pytest.mark.parametrize("page_size", [1, 50])
def test_list_query_count_does_not_grow_with_the_page(api_client, member, page_size,
                                                      django_assert_max_num_queries):
    note = Note.objects.create(owner=member, title="mine")
    for number in range(60):
        notify(member, "tests.ping", title=f"n{number}", target=note if number % 2 else None)
    with django_assert_max_num_queries(3):  # session user, page, (no count: cursor)
        response = api_client.get(f"/api/v1/me/notifications/?page_size={page_size}")
    assert len(response.json()["results"]) == page_size


def test_mark_read_and_read_all(api_client, member):
    one, two, three = (notify(member, "tests.ping", title=t) for t in ("1", "2", "3"))
    response = api_client.post(f"/api/v1/me/notifications/{one.id}/read/")
    assert response.status_code == 200 and response.json()["unread"] is False
    assert api_client.post(f"/api/v1/me/notifications/{one.id}/read/").status_code == 200
    assert api_client.post("/api/v1/me/notifications/read-all/").json() == {"marked": 2}
    assert not Notification.objects.filter(read_at__isnull=True).exists()


def test_cannot_mark_someone_elses_notification(api_client, member):
    theirs = notify(UserFactory(), "tests.ping", title="theirs")
    assert api_client.post(f"/api/v1/me/notifications/{theirs.id}/read/").status_code == 404
    assert api_client.post("/api/v1/me/notifications/not-a-uuid/read/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_preferences_default_and_change(api_client, member, django_capture_on_commit_callbacks):
    preferences = {p["kind"]: p for p in
                   api_client.get("/api/v1/me/notification-preferences/").json()}
    assert preferences["tests.ping"] == {"kind": "tests.ping", "label": "A ping",
                                         "security": False, "email": False}
    assert preferences["tests.digest"]["email"] is True
    assert preferences["tests.security"] == {"kind": "tests.security",
                                             "label": "A security alert", "security": True,
                                             "email": True}
    response = api_client.patch("/api/v1/me/notification-preferences/",
                                [{"kind": "tests.ping", "email": True}], format="json")
    assert response.status_code == 200
    assert {p["kind"]: p["email"] for p in response.json()}["tests.ping"] is True
    with django_capture_on_commit_callbacks(execute=True):
        notify(member, "tests.ping", title="Now e-mailed")
    assert [m.subject for m in mail.outbox] == ["Now e-mailed"]


@pytest.mark.parametrize("payload, errors", [
    ([{"kind": "tests.ping", "email": True}, {"kind": "tests.security", "email": False}],
     {"tests.security": ["Security notifications are always sent by e-mail."]}),
    ([{"kind": "tests.ping", "email": True}, {"kind": "tests.nope", "email": True}],
     {"tests.nope": ["Unknown notification kind."]}),
    ([{"kind": "tests.ping"}], {"0": {"email": ["This field is required."]}}),
    ([{"kind": "tests.ping", "email": "maybe"}], {"0": {"email": ["Must be a valid boolean."]}}),
    ({"kind": "tests.ping", "email": True},
     {"non_field_errors": ['Expected a list of items but got type "dict".']}),
])
def test_bad_preferences_are_refused_and_nothing_is_stored(api_client, member, payload, errors):
    response = api_client.patch("/api/v1/me/notification-preferences/", payload, format="json")
    assert response.status_code == 400
    assert response.json() == errors
    assert not member.notification_preferences.exists()


def test_the_list_is_lean_in_the_detail_order(api_client, member):
    """Rows straight from ``.values()`` (no instance per row), keys in the serializer's order."""
    from tests.kit import no_objects_built

    note = Note.objects.create(owner=member, title="mine")
    notify(member, "tests.ping", title="About a note", target=note)
    notify(member, "tests.ping", title="About nothing")
    api_client.get("/api/v1/me/notifications/")  # the session's user is built once, before
    with no_objects_built():
        rows = api_client.get("/api/v1/me/notifications/").json()["results"]
    assert [list(row) for row in rows] == [
        ["id", "kind", "title", "body", "url", "target", "unread", "read_at", "created_at"]] * 2
    assert [row["target"] for row in rows] == [None, {"type": "testapp.note", "id": str(note.pk)}]
