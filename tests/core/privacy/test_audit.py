"""The audit log: record() and its admin, readable by administrators only and never editable."""
import json

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType

from core.privacy import audit
from core.privacy.models import AuditEntry
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

AUDIT_ADMIN = "/admin/audit_log/"


@pytest.fixture
def administrator():
    return UserFactory(is_staff=True, is_superuser=True)


@pytest.fixture
def staff_editor():
    """Staff with every permission on audit entries: still not an administrator."""
    editor = UserFactory(is_staff=True)
    editor.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="privacy"))
    return editor


def test_record_keeps_who_what_when_about_whom_on_what(administrator):
    member = UserFactory()
    entry = audit.record(administrator, "moderation.hide", subject=member, target=member,
                         detail="reported twice")
    entry.refresh_from_db()
    assert (entry.actor, entry.action, entry.subject, entry.detail) == (
        administrator, "moderation.hide", member, "reported twice")
    assert (entry.target_type, entry.target_id) == (
        ContentType.objects.get_for_model(member), str(member.pk))
    assert entry.created_at is not None


def test_record_without_a_signed_in_actor():
    from django.contrib.auth.models import AnonymousUser

    entry = audit.record(AnonymousUser(), "privacy.member_erased")
    assert entry.actor is None and entry.target_type is None and entry.target_id == ""


def test_administrators_read_the_audit_log_and_filter_it(client, administrator):
    audit.record(administrator, "moderation.hide", detail="first")
    audit.record(administrator, "privacy.export_viewed", detail="second")
    client.force_login(administrator)
    response = client.get(AUDIT_ADMIN)
    assert response.status_code == 200
    assert b"moderation.hide" in response.content and b"privacy.export_viewed" in response.content
    filtered = client.get(AUDIT_ADMIN, {"action": "moderation.hide"})
    assert b"privacy.export_viewed" not in filtered.content
    entry = AuditEntry.objects.get(action="moderation.hide")
    assert client.get(f"{AUDIT_ADMIN}inspect/{entry.pk}/").status_code == 200


def test_nobody_adds_or_changes_audit_entries_in_the_admin(client, administrator):
    entry = audit.record(administrator, "moderation.hide", detail="first")
    client.force_login(administrator)
    assert client.get(f"{AUDIT_ADMIN}new/").status_code in (302, 403)
    assert client.post(f"{AUDIT_ADMIN}edit/{entry.pk}/", {"action": "x", "detail": "y"}
                       ).status_code in (302, 403)
    assert client.post(f"{AUDIT_ADMIN}delete/{entry.pk}/").status_code in (302, 403)
    entry.refresh_from_db()
    assert (entry.action, entry.detail) == ("moderation.hide", "first")


def test_staff_who_are_not_administrators_cannot_read_it(client, staff_editor):
    audit.record(None, "moderation.hide")
    client.force_login(staff_editor)
    response = client.get(AUDIT_ADMIN)
    assert response.status_code in (302, 403)
    assert b"moderation.hide" not in response.content


def test_an_administrator_downloading_a_members_export_is_recorded(client, administrator,
                                                                  staff_editor):
    member = UserFactory(email="kept.private@example.org")
    client.force_login(staff_editor)
    assert client.get(f"/admin/privacy/export/{member.pk}/").status_code in (302, 403)
    assert not AuditEntry.objects.exists()
    client.force_login(administrator)
    response = client.get(f"/admin/privacy/export/{member.pk}/")
    assert response.status_code == 200
    assert json.loads(response.content)["account"]["data"]["email"] == "kept.private@example.org"
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.action, entry.subject) == (
        administrator, "privacy.export_viewed", member)


def test_editors_publish_privacy_policy_versions_in_the_admin(client, administrator):
    from core.privacy.models import PrivacyPolicyVersion

    client.force_login(administrator)
    response = client.post("/admin/privacy_policy/new/", {
        "version": "2026-02", "effective_date": "2026-02-01",
        "text_en": "We never sell data.", "text_fr": "Nous ne vendons jamais de données."})
    assert response.status_code == 302
    assert PrivacyPolicyVersion.objects.get().text_fr == "Nous ne vendons jamais de données."
