"""Export gathers every section; erasure leaves none of the member's strings in any table."""
import datetime

import pytest
from allauth.account.models import EmailAddress
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core.files.base import ContentFile
from django.db import connection
from django.utils import timezone
from wagtail.log_actions import log

from core.identity.models import CircleMembership, VerificationRequest
from core.moderation.models import Block, Report
from core.notifications.models import Notification, NotificationPreference
from core.privacy import audit
from core.privacy.audiences import Audience
from core.privacy.models import AuditEntry, Consent, PrivacyPolicyVersion
from core.privacy.services import erase_member, export_member
from plugins.petitions.models import Signature
from tests.cms.factories import make_article, make_site_tree
from tests.factories import (CircleMembershipFactory, CommunityFactory, MembershipFactory,
                             UserFactory)
from tests.plugins.petitions.factories import PetitionFactory, SignatureFactory
from tests.testapp.models import Note
from tests.testapp.privacy import NotesPlugin

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
ME = "/api/v1/me/"
SECRET_TEXT = "Quelqu'un a vu mon glucomètre Zanzibar-7?"
# What the member wrote in every other app: none of it may survive the erasure.
WRITTEN = {
    "bio": "Je vis avec la sclérose en plaques à Quimperlé-Bravo",
    "real_name": "Zoé Quintero-Vasquez Realname",
    "registry_number": "19876543210",
    "report": "Ce message me vise, Zanzibar-report-77",
    "notification": "Zanzibar-notif-55 a accepté votre invitation",
    "signature": "Je signe pour ma fille, Zanzibar-sign-33",
    "region": "Zanzibar-region-88",
}


@pytest.fixture
def notes_plugin(register):
    register(NotesPlugin(), "notes_plugin")


@pytest.fixture
def member_with_everything(notes_plugin, settings, tmp_path):
    """A member who used every core app, the CMS and the petitions plugin, and left traces in
    Django and Wagtail."""
    settings.STENT_PRIVATE_ROOT = tmp_path / "private"
    member = UserFactory(email="zoe.quintero@example.org", first_name="Zoé",
                         last_name="Quintero-Vasquez")
    profile = member.profile
    profile.handle, profile.display_name = "zq-handle-4417", "Zoé Q. the brave"
    profile.bio, profile.real_name = WRITTEN["bio"], WRITTEN["real_name"]
    profile.avatar.save("me.png", ContentFile(b"png"), save=False)
    profile.save()
    verification = VerificationRequest(member=member, registry="rpps",
                                       registry_number=WRITTEN["registry_number"])
    verification.document.save("diploma.pdf", ContentFile(b"%PDF-1.4"), save=False)
    verification.save()
    friend, caregiver, stranger, admin = UserFactory(), UserFactory(), UserFactory(), UserFactory(
        is_staff=True, is_superuser=True)
    policy = PrivacyPolicyVersion.objects.create(
        version="2026-01", effective_date=datetime.date(2026, 1, 1), text_en="P", text_fr="P")
    Consent.objects.create(member=member, purpose="health_data", granted=True,
                           policy_version=policy)
    CircleMembershipFactory(owner=member, member=caregiver, relation="caregiver")
    CircleMembershipFactory(owner=friend, member=member, status="pending")
    MembershipFactory(member=member, community=CommunityFactory(name="Diabète de type 1"))
    Block.objects.create(blocker=member, blocked=stranger)
    Block.objects.create(blocker=friend, blocked=member)
    Note.objects.create(owner=member, audience=Audience.CIRCLE, title="My glucose diary",
                        body=SECRET_TEXT)
    friends_note = Note.objects.create(owner=friend, audience=Audience.MEMBERS, title="Hello")
    Report.objects.create(reporter=member, target_type=ContentType.objects.get_for_model(Note),
                          target_id=str(friends_note.pk), reason="harassment",
                          comment=WRITTEN["report"])
    Notification.objects.create(recipient=member, kind="privacy.circle_accepted",
                                title=WRITTEN["notification"], body=WRITTEN["notification"])
    NotificationPreference.objects.create(member=member, kind="privacy.circle_accepted",
                                          email=True)
    SignatureFactory(owner=member, petition=PetitionFactory(owner=friend), show_name=True,
                     audience=Audience.PUBLIC, comment=WRITTEN["signature"],
                     region=WRITTEN["region"])
    tree = make_site_tree()
    make_article(tree["articles"], author=member, owner=member, title="Vivre avec la SEP")
    audit.record(admin, "identity.verification_viewed", subject=member, target=member,
                 detail=f"viewed the verification request of {member.profile.handle}")
    audit.record(member, "moderation.hide", subject=stranger, detail="spam by zq-handle-4417")
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    LogEntry.objects.log_actions(admin.pk, [member], CHANGE, change_message="changed names")
    log(instance=member, action="wagtail.edit", user=admin)
    log(instance=friend, action="wagtail.edit", user=member)
    return member


def test_export_contains_every_section_with_what_the_member_created(member_with_everything):
    member = member_with_everything
    sections = export_member(member)
    assert {"privacy", "account", "communities", "moderation", "notes"} <= set(sections)
    for identifier, section in sections.items():
        assert section["identifier"] == identifier
        assert section["verbose_name"] and section["description"]
    privacy = sections["privacy"]["data"]
    assert [(c["purpose"], c["granted"], c["policy_version"]) for c in privacy["consents"]] == [
        ("health_data", True, "2026-01")]
    assert [(c["direction"], c["relation"], c["status"]) for c in privacy["circle"]] == [
        ("sent", "caregiver", "accepted"), ("received", "relative", "pending")]
    assert [e["action"] for e in privacy["audit_entries"]] == ["identity.verification_viewed"]
    account = sections["account"]["data"]
    assert (account["email"], account["first_name"], account["last_name"]) == (
        "zoe.quintero@example.org", "Zoé", "Quintero-Vasquez")
    assert account["email_addresses"] == [{"email": "zoe.quintero@example.org",
                                           "verified": True, "primary": True}]
    assert [m["community"] for m in sections["communities"]["data"]["memberships"]] == [
        "Diabète de type 1"]
    assert len(sections["moderation"]["data"]["blocked"]) == 1  # the blocks they made only
    assert sections["notes"]["data"]["notes"][0]["body"] == SECRET_TEXT
    identity = sections["identity"]["data"]
    assert (identity["profile"]["handle"], identity["profile"]["bio"],
            identity["profile"]["real_name"]) == ("zq-handle-4417", WRITTEN["bio"],
                                                  WRITTEN["real_name"])
    assert identity["profile"]["avatar"].startswith("avatars/")
    assert [r["registry_number"] for r in identity["verification_requests"]] == [
        WRITTEN["registry_number"]]
    assert [(r["reason"], r["comment"]) for r in
            sections["moderation_reports"]["data"]["reports"]] == [("harassment", WRITTEN["report"])]
    notifications = sections["notifications"]["data"]
    assert [n["title"] for n in notifications["notifications"]] == [WRITTEN["notification"]]
    assert notifications["email_preferences"] == {"privacy.circle_accepted": True}
    signatures = sections["petitions"]["data"]["signatures"]
    assert [(s["comment"], s["region"]) for s in signatures] == [
        (WRITTEN["signature"], WRITTEN["region"])]
    assert [a["title"] for a in sections["cms"]["data"]["articles_signed"]] == [
        "Vivre avec la SEP"]


def test_export_endpoint_returns_one_json_document(api_client, member_with_everything):
    api_client.force_authenticate(member_with_everything)
    response = api_client.get("/api/v1/me/export/")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="stent-export.json"'
    assert response["Cache-Control"] == "no-store"
    body = response.json()
    assert set(body) == {"exported_at", "sections"}
    assert body["sections"]["account"]["data"]["email"] == "zoe.quintero@example.org"
    assert body["sections"]["notes"]["data"]["notes"][0]["title"] == "My glucose diary"
    assert api_client.__class__().get("/api/v1/me/export/").status_code == 401


def strings_of(member):
    profile = member.profile
    return [member.email, member.email.split("@")[0], member.first_name, member.last_name,
            profile.handle, profile.display_name, SECRET_TEXT, "My glucose diary",
            profile.avatar.name, *WRITTEN.values()]


def rows_holding(needles):
    """Every (table, row) of every table of the database holding one of the needles."""
    needles = [needle.lower() for needle in needles if needle]
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            for row in cursor.fetchall():
                text = " ".join(
                    bytes(cell).decode("utf-8", "replace") if isinstance(cell, (bytes, memoryview))
                    else str(cell) for cell in row if cell is not None).lower()
                if any(needle in text for needle in needles):
                    found.append((table, row))
    return found


def sessions_of(member):
    return [s for s in Session.objects.all()
            if s.get_decoded().get("_auth_user_id") == str(member.pk)]


@pytest.mark.urls("tests.testapp.urls")
def test_erasure_leaves_none_of_the_members_strings_in_any_table(
        client, member_with_everything, settings, django_capture_on_commit_callbacks):
    member = member_with_everything
    needles = strings_of(member)
    missing = [needle for needle in needles if not rows_holding([needle])]
    assert missing == [], "the scan finds each of the member's strings before erasure"
    client.force_login(member)
    other_device = type(client)()
    other_device.force_login(member)
    assert len(sessions_of(member)) == 2

    with django_capture_on_commit_callbacks(execute=True):  # the files go once committed
        response = client.delete(ME, {"password": PASSWORD}, content_type="application/json")

    assert response.status_code == 204
    assert rows_holding(needles) == []
    assert sessions_of(member) == []
    assert not type(member).objects.filter(pk=member.pk).exists()
    assert not CircleMembership.objects.filter(owner_id=member.pk).exists()
    assert not Block.objects.exists()
    assert list(Note.objects.values_list("title", flat=True)) == ["Hello"]  # the friend's
    # Counted and kept, but linked to no one; the report stays for the moderation history.
    assert Signature.objects.filter(owner=None).count() == 1
    assert Report.objects.filter(reporter=None).count() == 1
    assert not Notification.objects.exists() and not NotificationPreference.objects.exists()
    assert [p.name for p in (settings.STENT_PRIVATE_ROOT).rglob("*") if p.is_file()] == []
    # The audit log keeps its shape, without anything pointing back to the member.
    kept = AuditEntry.objects.order_by("created_at")
    assert [(e.action, e.subject_id, e.detail) for e in kept] == [
        ("identity.verification_viewed", None, ""), ("moderation.hide", None, ""),
        ("privacy.member_erased", None, "")]
    assert LogEntry.objects.get().object_repr == "erased member"
    # The session is gone: the client is signed out.
    assert client.get("/api/v1/me/export/").status_code == 401


@pytest.mark.urls("tests.testapp.urls")
def test_erasure_needs_the_password(api_client, member_with_everything):
    member = member_with_everything
    api_client.force_authenticate(member)
    assert api_client.delete(ME, {}).json() == {"password": ["This field is required."]}
    wrong = api_client.delete(ME, {"password": "not my password"})
    assert wrong.status_code == 400
    assert wrong.json() == {"password": ["This password is not right."]}
    assert type(member).objects.filter(pk=member.pk).exists()
    assert api_client.__class__().delete(ME, {"password": PASSWORD}).status_code == 401


@pytest.mark.urls("tests.testapp.urls")
def test_erasure_needs_the_totp_code_when_two_factor_is_on(api_client, member_with_everything):
    from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
    from allauth.mfa.totp.internal.auth import yield_hotp_counters_from_time

    member = member_with_everything
    secret = "JBSWY3DPEHPK3PXP"
    TOTP.activate(member, secret)
    api_client.force_authenticate(member)
    missing = api_client.delete(ME, {"password": PASSWORD})
    assert missing.json() == {"totp_code": [
        "Your authenticator app's code is required: two-factor authentication is on."]}
    assert api_client.delete(ME, {"password": PASSWORD, "totp_code": "000000"}
                             ).status_code == 400
    assert type(member).objects.filter(pk=member.pk).exists()
    counter = next(yield_hotp_counters_from_time())
    code = format_hotp_value(hotp_value(secret, counter))
    assert api_client.delete(ME, {"password": PASSWORD, "totp_code": code}).status_code == 204
    assert not type(member).objects.filter(pk=member.pk).exists()


def test_a_failing_handler_erases_nothing(register, member_with_everything):
    from core.hookspecs import hookimpl
    from core.privacy.handlers import PrivacyHandler

    class Failing(PrivacyHandler):
        identifier = "failing"
        models = ()

        def export(self, member):
            return {}

        def erase(self, member):
            raise RuntimeError("storage unavailable")

    class FailingPlugin:
        @hookimpl
        def stent_privacy_handlers(self):
            return [Failing]

    register(FailingPlugin(), "failing_plugin")
    member = member_with_everything
    with pytest.raises(RuntimeError):
        erase_member(member)
    assert type(member).objects.filter(pk=member.pk).exists()
    assert Consent.objects.filter(member=member).exists()
    assert Note.objects.filter(owner=member).exists()


def test_audit_entries_survive_the_erasure_of_their_actor(member_with_everything):
    admin = type(member_with_everything).objects.get(is_superuser=True)
    entry = AuditEntry.objects.get(actor=admin)
    erase_member(admin)
    entry.refresh_from_db()
    assert (entry.actor, entry.action, entry.detail) == (None, "identity.verification_viewed", "")
    assert entry.created_at <= timezone.now()
