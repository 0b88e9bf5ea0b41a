"""The identity part of a member's export and erasure: account, profile, verification, MFA."""
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.utils.translation import gettext_lazy as _

from core.identity.models import Profile, VerificationRequest
from core.identity.services import delete_file_on_commit
from core.privacy.handlers import PrivacyHandler


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
            profile.delete()
        EmailAddress.objects.filter(user=member).delete()
        Authenticator.objects.filter(user=member).delete()
