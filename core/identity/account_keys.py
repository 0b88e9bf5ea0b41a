"""What the keys of the e-mailed account links do: verify an address, set a new password.

Both go through allauth's own code path, the one its headless API runs for the same key (its
inputs check the key, its flows mark the address verified or set the password and tell the
rest of allauth), so a landing page and an API client can never disagree on a key.
"""
from django.utils.translation import gettext as _

from allauth.account.internal.flows import password_reset
from allauth.headless.account.inputs import ResetPasswordInput, VerifyEmailInput

from core.errors import Invalid


def verify_email(key: str, *, request) -> str:
    """Mark the address of the verification ``key`` verified; the sentence that says so."""
    checked = VerifyEmailInput({"key": key})
    if not checked.is_valid():
        raise Invalid(checked.errors["key"][0])
    address = checked.verification.confirm(request)
    if not address:
        raise Invalid(_("This verification link is invalid or has expired."))
    return _("Your e-mail address %(email)s is verified: you can now sign in.") % {
        "email": address.email}


def reset_password(key: str, *, request, password: str) -> str:
    """Set ``password`` (checked by the password validators) for the account of the reset
    ``key``; the sentence that says so. A bad key or password raises ``Invalid``."""
    checked = ResetPasswordInput({"key": key, "password": password})
    if not checked.is_valid():
        if "key" in checked.errors:
            raise Invalid(checked.errors["key"][0])
        raise Invalid({"password": list(checked.errors.get("password", ()))
                       or [_("Choose a new password.")]})
    password_reset.reset_password(checked.user, checked.cleaned_data["password"])
    password_reset.finalize_password_reset(request, checked.user)
    return _("Your password is changed: you can now sign in with it.")
