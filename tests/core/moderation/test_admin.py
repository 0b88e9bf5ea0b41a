"""The moderation queue in the Wagtail admin: listing, filters, and acting on a report."""
import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType

from core.moderation.models import Report
from tests.factories import UserFactory
from tests.testapp.models import Note

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator_client(client, site_moderator):
    site_moderator.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="moderation"))
    client.force_login(site_moderator)
    return client


def test_the_queue_lists_filters_and_hides(moderator_client):
    note = Note.objects.create(owner=UserFactory(), title="Miracle cure")
    report = Report.objects.create(reporter=UserFactory(), reason="misinformation",
                                   target_type=ContentType.objects.get_for_model(Note),
                                   target_id=str(note.pk), comment="Dangerous")
    listing = moderator_client.get("/admin/moderation_reports/?state=open")
    assert listing.status_code == 200 and str(note.pk).encode() in listing.content
    assert report.reporter.email.encode() not in listing.content
    url = f"/admin/moderation/reports/{report.pk}/hide/"
    assert moderator_client.get(url).status_code == 200
    response = moderator_client.post(url, {"reason": "Dangerous advice"})
    assert response.status_code == 302
    note.refresh_from_db()
    report.refresh_from_db()
    assert note.hidden_at is not None and report.state == Report.State.ACTIONED


def test_members_cannot_use_the_queue_actions(client):
    member = UserFactory()
    client.force_login(member)
    note = Note.objects.create(owner=UserFactory(), title="x")
    report = Report.objects.create(reporter=member, reason="spam", target_id=str(note.pk),
                                   target_type=ContentType.objects.get_for_model(Note))
    client.post(f"/admin/moderation/reports/{report.pk}/hide/")
    note.refresh_from_db()
    assert note.hidden_at is None
