"""The core's PrivacyHandlers: the privacy settings (consents, circle, audit entries), the
account with the traces signing in leaves (sessions, e-mail addresses, admin logs), and the
idempotency keys of retried writes."""
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.api.models import IdempotencyRecord
from core.identity.models import CircleMembership
from core.privacy.handlers import PrivacyHandler
from core.privacy.models import AuditEntry, Consent

ERASED_LABEL = "erased member"


class PrivacyDataHandler(PrivacyHandler):
    identifier = "privacy"
    verbose_name = _("Privacy choices")
    description = _("Your consents and their history, your circle (both ways), and the log of "
                    "staff and moderators' actions concerning you.")
    models = (Consent, CircleMembership, AuditEntry)

    def export(self, member) -> dict:
        consents = member.consents.select_related("policy_version").order_by("decided_at")
        links = (CircleMembership.objects.filter(Q(owner=member) | Q(member=member))
                 .select_related("owner__profile", "member__profile").order_by("created_at"))
        audit = (AuditEntry.objects.filter(subject=member).select_related("target_type")
                 .order_by("created_at"))
        return {
            "consents": [{"purpose": c.purpose, "granted": c.granted, "decided_at": c.decided_at,
                          "policy_version": c.policy_version.version} for c in consents],
            "circle": [{
                "direction": "sent" if link.owner_id == member.pk else "received",
                "handle": (link.member if link.owner_id == member.pk else link.owner
                           ).profile.handle,
                "relation": link.relation, "status": link.status,
                "invited_at": link.created_at, "answered_at": link.responded_at,
            } for link in links],
            "audit_entries": [{
                "when": entry.created_at, "action": entry.action,
                "object_type": entry.target_type.model if entry.target_type else None,
                "detail": entry.detail,
            } for entry in audit],
        }

    def erase(self, member) -> None:
        member.consents.all().delete()
        CircleMembership.objects.filter(Q(owner=member) | Q(member=member)).delete()
        # The entries stay (what staff did, and when); nothing in them points back to the member.
        AuditEntry.objects.filter(Q(actor=member) | Q(subject=member)).update(
            detail="", actor=None, subject=None)
        AuditEntry.objects.filter(target_type=ContentType.objects.get_for_model(member),
                                  target_id=str(member.pk)).update(target_id="", detail="")


class AccountHandler(PrivacyHandler):
    """The account itself and what Django, allauth and Wagtail keep about signing in and admin
    work: e-mail addresses, two-factor methods, sessions, admin log entries."""

    identifier = "account"
    verbose_name = _("Account")
    description = _("Your e-mail address, names, sign-up and last sign-in dates, and the "
                    "two-factor methods you set up (never their secrets).")
    models = ()

    def export(self, member) -> dict:
        from allauth.account.models import EmailAddress
        from allauth.mfa.models import Authenticator

        return {
            "email": member.email,
            "first_name": member.first_name,
            "last_name": member.last_name,
            "date_joined": member.date_joined,
            "last_login": member.last_login,
            "email_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in EmailAddress.objects.filter(user=member).order_by("pk")],
            "two_factor_methods": [
                {"type": method.type, "created_at": method.created_at}
                for method in Authenticator.objects.filter(user=member).order_by("pk")],
        }

    def erase(self, member) -> None:
        # E-mail addresses, authenticators, Wagtail profiles... go with the account (CASCADE).
        delete_sessions_of(member)
        anonymise_admin_logs(member)


def delete_sessions_of(member) -> None:
    """Sessions store the user id signed and encoded: decode them to find the member's."""
    from django.contrib.sessions.models import Session

    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == str(member.pk):
            session.delete()


def anonymise_admin_logs(member) -> None:
    """Django and Wagtail admin logs keep the label of what was changed (the member's e-mail
    for their account): keep the entries, drop the labels; drop the member as author."""
    from django.contrib.admin.models import LogEntry
    from wagtail.models import ModelLogEntry, PageLogEntry

    user_type = ContentType.objects.get_for_model(get_user_model())
    LogEntry.objects.filter(content_type=user_type, object_id=str(member.pk)).update(
        object_repr=ERASED_LABEL, change_message="")
    ModelLogEntry.objects.filter(content_type=user_type, object_id=str(member.pk)).update(
        label=ERASED_LABEL, data={})
    for log_model in (ModelLogEntry, PageLogEntry):
        # Wagtail's logs point to their author without a database constraint (DO_NOTHING).
        log_model.objects.filter(user_id=member.pk).update(user=None)


class IdempotencyHandler(PrivacyHandler):
    """The keys a member's client sent with retried writes. The stored answers repeat what the
    plugins' own sections export, so only the keys are listed."""

    identifier = "idempotency"
    verbose_name = _("Retried requests")
    description = _("The Idempotency-Key values your apps sent with writes of the last hours, "
                    "kept so that a retried request is not carried out twice.")
    models = (IdempotencyRecord,)

    def export(self, member) -> dict:
        records = IdempotencyRecord.objects.filter(member=member).order_by("created_at")
        return {"keys": [{"scope": record.scope, "key": record.key,
                          "created_at": record.created_at} for record in records]}

    def erase(self, member) -> None:
        IdempotencyRecord.objects.filter(member=member).delete()
