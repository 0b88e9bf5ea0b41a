"""Reporting content: only what one can see, once while open, routed to the right moderators."""
import pytest

from core.moderation.models import Report
from core.notifications.models import Notification
from core.privacy.audiences import Audience
from tests.factories import MembershipFactory, UserFactory
from tests.testapp.models import Note

pytestmark = pytest.mark.django_db


@pytest.fixture
def reporter(api_client):
    reporter = UserFactory()
    api_client.force_authenticate(reporter)
    return reporter


def report(api_client, note, **extra):
    return api_client.post("/api/v1/reports/", {"type": "testapp.note", "id": str(note.pk),
                                                "reason": "spam", **extra})


def test_reporting_a_visible_object(api_client, reporter, site_moderator):
    note = Note.objects.create(owner=UserFactory(), audience=Audience.MEMBERS, title="Buy pills")
    response = report(api_client, note, comment="Advertising")
    assert response.status_code == 201
    body = response.json()
    assert body == {"id": body["id"], "type": "testapp.note", "object_id": str(note.pk),
                    "reason": "spam", "comment": "Advertising", "state": "open",
                    "created_at": body["created_at"], "resolved_at": None}
    stored = Report.objects.get()
    assert (stored.reporter, stored.target, stored.community) == (reporter, note, None)
    told = Notification.objects.get()
    assert (told.recipient, told.kind) == (site_moderator, "moderation.report_received")


def test_a_report_on_community_content_goes_to_its_moderators(
        api_client, reporter, community, community_moderator, site_moderator):
    MembershipFactory(community=community, member=reporter)
    note = Note.objects.create(owner=UserFactory(), audience=Audience.COMMUNITY,
                               community=community, title="Rude")
    assert report(api_client, note).status_code == 201
    assert Report.objects.get().community == community
    assert [n.recipient for n in Notification.objects.all()] == [community_moderator]


def test_one_open_report_per_reporter_and_object(api_client, reporter):
    note = Note.objects.create(owner=UserFactory(), title="x")
    report(api_client, note)
    response = report(api_client, note, reason="hate")
    assert response.status_code == 409
    assert response.json() == {"detail": "You already reported this; moderators will review it."}
    assert Report.objects.count() == 1
    Report.objects.update(state=Report.State.DISMISSED)
    assert report(api_client, note).status_code == 201


def test_objects_one_cannot_see_cannot_be_reported(api_client, reporter):
    private = Note.objects.create(owner=UserFactory(), audience=Audience.PRIVATE, title="x")
    for object_id in (str(private.pk), "not-a-uuid", "00000000-0000-0000-0000-000000000000"):
        response = api_client.post("/api/v1/reports/", {"type": "testapp.note", "id": object_id,
                                                        "reason": "spam"})
        assert response.status_code == 404, object_id
    assert not Report.objects.exists()


@pytest.mark.parametrize("payload, errors", [
    ({"type": "identity.user", "id": "1", "reason": "spam"},
     {"type": ["This type of content cannot be reported."]}),
    ({"type": "nonsense", "id": "1", "reason": "spam"},
     {"type": ["This type of content cannot be reported."]}),
    ({"type": "testapp.note", "reason": "spam"}, {"id": ["This field is required."]}),
    ({"type": "testapp.note", "id": "x", "reason": "boring"},
     {"reason": ['"boring" is not a valid choice.']}),
    ({"type": "testapp.note", "id": "x", "reason": "spam", "comment": "x" * 2001},
     {"comment": ["Ensure this field has no more than 2000 characters."]}),
    ({"type": ["testapp.note"], "id": "x", "reason": "spam"}, {"type": ["Not a valid string."]}),
])
def test_bad_reports_are_refused(api_client, reporter, payload, errors):
    response = api_client.post("/api/v1/reports/", payload)
    assert response.status_code == 400
    assert response.json() == errors
    assert not Report.objects.exists()


def test_own_content_and_anonymous_visitors(api_client, reporter):
    mine = Note.objects.create(owner=reporter, title="mine")
    assert report(api_client, mine).json() == {"id": ["You cannot report your own content."]}
    api_client.force_authenticate(None)
    assert report(api_client, mine).status_code == 401
