"""Re-authentication before a sensitive action (erasure): the password, and TOTP when enabled."""
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.utils.translation import gettext as _

from core.errors import Invalid


def check_reauthentication(user, password, totp_code=None) -> None:
    """Return quietly when ``password`` (and ``totp_code`` if the member enabled TOTP) are right.

    Raises ``Invalid`` (400) keyed by the field at fault: ``password`` or ``totp_code``.
    A TOTP code is single-use (allauth remembers used codes for one period).
    """
    if not password:
        raise Invalid("password", _("Your password is required."))
    if not user.check_password(password):
        raise Invalid("password", _("This password is not right."))
    totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if totp is None:
        return
    if not totp_code:
        raise Invalid("totp_code", _(
            "Your authenticator app's code is required: two-factor authentication is on."))
    if not TOTP(totp).validate_code(str(totp_code)):
        raise Invalid("totp_code", _("This code is not right or was already used."))
    totp.record_usage()
