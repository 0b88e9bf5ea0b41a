"""The identity part of a member's export and erasure: account, profile, verification, MFA;
and the privacy choices (consents, circle both ways, audit entries about the member)."""
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.identity.models import CircleMembership, Profile, VerificationRequest
from core.identity.handles import reserve_erased_handle
from core.identity.services import delete_file_on_commit
from core.privacy.handlers import PrivacyHandler
from core.privacy.models import AuditEntry, Consent


def _iso(moment):
    return moment.isoformat() if moment else None


class IdentityPrivacyHandler(PrivacyHandler):
    identifier = "identity"
    verbose_name = _("Account and profile")
    description = _("Your account, profile and its privacy settings, listed conditions, "
                    "professional verification requests, e-mail addresses and the kinds of "
                    "second factors you enabled (never their secrets).")
    models = (Profile, VerificationRequest, EmailAddress, Authenticator)

    def export(self, member) -> dict:
        profile = Profile.objects.filter(user=member).first()
        return {
            "account": {"email": member.email, "date_joined": _iso(member.date_joined),
                        "last_login": _iso(member.last_login)},
            "profile": self._profile(profile) if profile else None,
            "verification_requests": [
                {"id": str(request.id), "registry": request.registry,
                 "registry_number": request.registry_number, "state": request.state,
                 "reason": request.reason, "document": request.document.name,
                 "created_at": _iso(request.created_at), "reviewed_at": _iso(request.reviewed_at)}
                for request in VerificationRequest.objects.filter(member=member)],
            "email_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in EmailAddress.objects.filter(user=member)],
            "authenticators": [
                {"type": authenticator.type, "created_at": _iso(authenticator.created_at),
                 "last_used_at": _iso(authenticator.last_used_at)}
                for authenticator in Authenticator.objects.filter(user=member)],
        }

    @staticmethod
    def _profile(profile) -> dict:
        data = {field.name: getattr(profile, field.name) for field in profile._meta.concrete_fields
                if field.name not in ("id", "user")}
        data["avatar"] = profile.avatar.name or None
        for moment in ("verified_at", "created_at", "updated_at"):
            data[moment] = _iso(data[moment])
        data["conditions"] = sorted(profile.conditions.values_list("name", flat=True))
        return data

    def erase(self, member) -> None:
        profile = Profile.objects.filter(user=member).first()
        requests = list(VerificationRequest.objects.filter(member=member))
        for field_file in [request.document for request in requests] + (
                [profile.avatar] if profile else []):
            delete_file_on_commit(field_file)
        VerificationRequest.objects.filter(reviewed_by=member).update(reviewed_by=None)
        VerificationRequest.objects.filter(member=member).delete()
        if profile:
            reserve_erased_handle(profile.handle)
            profile.delete()
        EmailAddress.objects.filter(user=member).delete()
        Authenticator.objects.filter(user=member).delete()


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
