"""Response headers that protect members: a CSP per kind of page, Permissions-Policy, and no
shared cache ever keeping a response that was personal to the requester."""
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_vary_headers

API_PREFIX = "/api/"
CREDENTIAL_HEADERS = ("Cookie", "Authorization", "X-Session-Token")
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


class PathPolicyCSPMiddleware(CSPMiddleware):
    """django-csp with the policy chosen by path: ``STENT_CSP_PATH_POLICIES`` maps a path prefix
    (the docs page, the admin) to its directives; everything else gets
    ``CONTENT_SECURITY_POLICY`` (the API's ``default-src 'none'``)."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None:
            for prefix, directives in settings.STENT_CSP_PATH_POLICIES.items():
                if request.path_info.startswith(prefix):
                    parts.config = directives
                    break
        return parts


def _carries_credentials(request) -> bool:
    if request.headers.get("X-Session-Token") or request.headers.get("Authorization"):
        return True
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return True
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


class PrivacyHeadersMiddleware:
    """Every response: ``Permissions-Policy``. Under /api/: ``Vary`` on every credential
    header, and ``Cache-Control: no-store`` when the request was signed in or wrote something
    (its response may hold personal data or a session token)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.STENT_PERMISSIONS_POLICY)
        if request.path.startswith(API_PREFIX):
            patch_vary_headers(response, CREDENTIAL_HEADERS)
            personal = request.method not in SAFE_METHODS or _carries_credentials(request)
            # A view that chose its own caching (a private avatar for an hour) keeps it.
            if personal and not response.has_header("Cache-Control"):
                add_never_cache_headers(response)
        return response
