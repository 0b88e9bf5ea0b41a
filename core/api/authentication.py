"""The app client's session token for DRF: an invalid or expired token is a 401 that says so,
and a member-only endpoint asks an anonymous caller to authenticate (401, not 403)."""
from allauth.headless.contrib.rest_framework.authentication import XSessionTokenAuthentication
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.exceptions import AuthenticationFailed

HEADER = "X-Session-Token"


class SessionTokenAuthentication(XSessionTokenAuthentication):
    allow_invalid_session_tokens = False

    def authenticate(self, request):
        try:
            return super().authenticate(request)
        except AuthenticationFailed:
            raise AuthenticationFailed(_("The session token is invalid or has expired."))

    def authenticate_header(self, request):
        # DRF answers 401 (not 403) when the first authentication class names a scheme.
        return HEADER


class SessionTokenScheme(OpenApiAuthenticationExtension):
    """The schema's ``sessionToken`` security scheme for this class."""

    target_class = SessionTokenAuthentication
    name = "sessionToken"

    def get_security_definition(self, auto_schema):
        return {"type": "apiKey", "in": "header", "name": HEADER}
