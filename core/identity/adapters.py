"""allauth adapters: failed-login throttling answers 429, account payloads show the handle."""
import dataclasses
from types import SimpleNamespace
from typing import Optional
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from allauth.headless.adapter import DefaultHeadlessAdapter


class LoginRateLimited(Exception):
    """Too many failed logins; LoginRateLimitMiddleware turns it into a 429."""


class AccountAdapter(DefaultAccountAdapter):
    def pre_authenticate(self, request, **credentials):
        # allauth reports this limit as a form error (400); the API promises 429 for throttling.
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError as error:
            if error.code == "too_many_login_attempts":
                raise LoginRateLimited() from error
            raise

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Every account e-mail names the site (never the request's host) and speaks the
        recipient's language, the one chosen at sign-up or in the profile."""
        site = SimpleNamespace(name=settings.WAGTAIL_SITE_NAME,
                               domain=urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc)
        context = {"current_site": site, **context}
        with translation.override(_language_of(context.get("user"), email)):
            super().send_mail(template_prefix, email, context)


def _language_of(user, email: str) -> str:
    if user is None or not getattr(user, "pk", None):
        address = EmailAddress.objects.filter(email__iexact=email).select_related(
            "user__profile").first()
        user = address.user if address else None
    profile = getattr(user, "profile", None) if user is not None else None
    return getattr(profile, "language", "") or translation.get_language() or settings.LANGUAGE_CODE


def user_display(user) -> str:
    """How allauth names a member (ACCOUNT_USER_DISPLAY): display name or handle, never e-mail."""
    profile = getattr(user, "profile", None)
    if profile is None:
        return ""
    return profile.display_name or profile.handle


def _field(name, typ, description, example):
    return (name, typ, dataclasses.field(metadata={"description": description,
                                                   "example": example}))


class HeadlessAdapter(DefaultHeadlessAdapter):
    """The account payload: the handle instead of the integer id (never exposed)."""

    def get_user_dataclass(self):
        return dataclasses.make_dataclass("User", [
            _field("handle", str, "The member's pseudonymous handle.", "brave-otter-0042"),
            _field("display", str, "The name shown for the member.", "Brave otter"),
            _field("email", Optional[str], "The e-mail address (the owner's own).",
                   "member@example.org"),
            _field("has_usable_password", bool, "Whether the account has a password.", True),
        ])

    def user_as_dataclass(self, user):
        email = EmailAddress.objects.get_primary_email(user) if user.pk else None
        profile = getattr(user, "profile", None) if user.pk else None
        return self.get_user_dataclass()(
            handle=profile.handle if profile else "",
            display=user_display(user) if user.pk else "",
            email=email or None,
            has_usable_password=user.has_usable_password(),
        )
