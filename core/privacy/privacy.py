"""The core's PrivacyHandlers: the account with the traces signing in leaves (sessions, e-mail
addresses, admin logs), and the idempotency keys of retried writes. The privacy choices' handler
(consents, circle, audit entries) lives in ``core.identity.privacy``, beside the circle."""
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.models import ModelLogEntry, PageLogEntry

from core.api.models import IdempotencyRecord
from core.privacy.handlers import PrivacyHandler

ERASED_LABEL = "erased member"


class AccountHandler(PrivacyHandler):
    """The account itself and what Django, allauth and Wagtail keep about signing in and admin
    work: e-mail addresses, two-factor methods, sessions, admin log entries."""

    identifier = "account"
    verbose_name = _("Account")
    description = _("Your e-mail address, names, sign-up and last sign-in dates, the "
                    "two-factor methods you set up (never their secrets) and your open "
                    "sessions (when, from which address and device).")
    models = ()

    def export(self, member) -> dict:
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
            "sessions": [
                {"started_at": session.created_at, "last_seen_at": session.last_seen_at,
                 "ip": session.ip, "device": session.user_agent}
                for session in UserSession.objects.filter(user=member).order_by("pk")],
        }

    def erase(self, member) -> None:
        # E-mail addresses, authenticators, Wagtail profiles... go with the account (CASCADE).
        delete_sessions_of(member)
        anonymise_admin_logs(member)


def delete_sessions_of(member) -> None:
    """End every session of the member, found through allauth's index of user sessions (one
    row a sign-in), never by decoding every session of every member."""
    for user_session in UserSession.objects.filter(user=member):
        user_session.end()


def anonymise_admin_logs(member) -> None:
    """Django and Wagtail admin logs keep the label of what was changed (the member's e-mail
    for their account): keep the entries, drop the labels; drop the member as author."""
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
