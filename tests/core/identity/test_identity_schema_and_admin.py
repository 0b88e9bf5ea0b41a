"""The merged OpenAPI schema lists every identity and allauth endpoint; the admin review flow."""
import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.files.base import ContentFile
from openapi_spec_validator import validate

from core.identity.models import VerificationRequest
from core.privacy.models import AuditEntry
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_schema_has_identity_and_allauth_endpoints(api_client):
    schema = api_client.get("/api/v1/schema/?format=json").json()
    validate(schema)
    paths = schema["paths"]
    for path, method in [("/api/v1/me/", "get"), ("/api/v1/me/", "patch"),
                         ("/api/v1/me/avatar/", "put"), ("/api/v1/me/avatar/", "delete"),
                         ("/api/v1/me/verification/", "post"),
                         ("/api/v1/me/verification/", "get"),
                         ("/api/v1/members/{handle}/", "get"), ("/api/v1/conditions/", "get"),
                         ("/api/v1/members/{handle}/avatar/", "get"),
                         ("/api/v1/auth/{client}/v1/auth/login", "post"),
                         ("/api/v1/auth/{client}/v1/auth/signup", "post"),
                         ("/api/v1/auth/{client}/v1/auth/email/verify", "post"),
                         ("/api/v1/auth/{client}/v1/auth/password/reset", "post"),
                         ("/api/v1/auth/{client}/v1/account/password/change", "post"),
                         ("/api/v1/auth/{client}/v1/auth/2fa/authenticate", "post"),
                         ("/api/v1/auth/{client}/v1/account/authenticators/totp", "post"),
                         ("/api/v1/auth/{client}/v1/account/authenticators/recovery-codes",
                          "get"),
                         ("/api/v1/auth/{client}/v1/auth/session", "delete")]:
        assert method in paths[path], (path, method)
    assert "handle" in schema["components"]["schemas"]["AllauthUser"]["properties"]
    assert "id" not in schema["components"]["schemas"]["AllauthUser"]["properties"]
    operation_ids = [op["operationId"] for item in paths.values() for op in item.values()]
    assert len(operation_ids) == len(set(operation_ids))


@pytest.fixture
def reviewer(client):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(
        codename__in=["access_admin", "change_verificationrequest", "view_verificationrequest"]))
    client.force_login(user)
    return user


@pytest.fixture
def pending(settings, tmp_path):
    settings.STENT_PRIVATE_ROOT = tmp_path
    member = UserFactory()
    request = VerificationRequest(member=member, registry="rpps", registry_number="10101234567")
    request.document.save("doc.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    request.save()
    return request


def test_reviewer_lists_filters_searches_and_downloads(client, reviewer, pending):
    listing = client.get("/admin/verifications/?state=pending")
    assert listing.status_code == 200 and pending.member.profile.handle in listing.content.decode()
    assert pending.member.email not in listing.content.decode()
    assert client.get("/admin/verifications/?state=approved").content.decode().count(
        pending.member.profile.handle) == 0
    searched = client.get(f"/admin/verifications/?q={pending.member.profile.handle}")
    assert searched.status_code == 200
    document = client.get(f"/admin/verification-documents/{pending.pk}/")
    assert document.status_code == 200 and b"".join(document.streaming_content).startswith(b"%PDF")


def test_document_download_needs_the_review_permission(client, pending):
    outsider = UserFactory(is_staff=True)
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    refused = client.get(f"/admin/verification-documents/{pending.pk}/")
    assert refused.status_code == 302 and refused.url == "/admin/"  # Wagtail's "no permission"


def test_reviewer_rejects_with_a_reason(client, reviewer, pending,
                                      django_capture_on_commit_callbacks):
    url = f"/admin/verifications/edit/{pending.pk}/"
    no_reason = client.post(url, {"state": "rejected", "reason": ""})
    assert no_reason.status_code == 200  # the form again, with the error
    pending.refresh_from_db()
    assert pending.state == "pending"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"state": "rejected", "reason": "Unreadable document."})
    pending.refresh_from_db()
    assert (pending.state, pending.reason, pending.reviewed_by) == (
        "rejected", "Unreadable document.", reviewer)
    assert mail.outbox[-1].to == [pending.member.email]


def test_reviewer_approves(client, reviewer, pending):
    client.post(f"/admin/verifications/edit/{pending.pk}/", {"state": "approved", "reason": ""})
    pending.member.profile.refresh_from_db()
    assert pending.member.profile.is_verified


def test_conditions_snippet_is_in_the_admin(client):
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    assert client.get("/admin/snippets/identity/condition/").status_code == 200


def audit_trail():
    return list(AuditEntry.objects.order_by("created_at").values_list(
        "actor_id", "action", "subject_id", "target_id"))


def test_reviewing_and_downloading_are_in_the_audit_log(client, reviewer, pending):
    member, request_id = pending.member_id, str(pending.pk)
    assert client.get(f"/admin/verifications/edit/{pending.pk}/").status_code == 200
    assert client.get(f"/admin/verification-documents/{pending.pk}/").status_code == 200
    client.post(f"/admin/verifications/edit/{pending.pk}/", {"state": "approved", "reason": ""})
    assert audit_trail() == [
        (reviewer.pk, "identity.verification_viewed", member, request_id),
        (reviewer.pk, "identity.verification_document_downloaded", member, request_id),
        (reviewer.pk, "identity.verification_approved", member, request_id)]


def test_refused_download_leaves_no_audit_entry(client, pending):
    outsider = UserFactory(is_staff=True)
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    client.get(f"/admin/verification-documents/{pending.pk}/")
    assert audit_trail() == []


def test_rejection_is_audited(client, reviewer, pending):
    url = f"/admin/verifications/edit/{pending.pk}/"
    client.post(url, {"state": "rejected", "reason": ""})  # refused: no reason
    assert audit_trail() == []
    client.post(url, {"state": "rejected", "reason": "Unreadable document."})
    assert audit_trail() == [(reviewer.pk, "identity.verification_rejected", pending.member_id,
                              str(pending.pk))]
