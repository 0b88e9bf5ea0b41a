"""Re-authentication before a sensitive action: the password, and the TOTP code when enabled.

MINIMAL VERSION written by issue 3b so that erasure can call it; issue 3a's version wins at merge.
"""
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError


def check_reauthentication(user, password, totp_code=None) -> None:
    """Raise a DRF ValidationError (400) unless the password (and TOTP code) are right."""
    if not password or not user.check_password(password):
        raise ValidationError({"password": [_("The password is not correct.")]})
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if totp is not None and not (totp_code and TOTP(totp).validate_code(str(totp_code))):
        raise ValidationError({"totp_code": [_("The authentication code is not correct.")]})
