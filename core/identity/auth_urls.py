"""allauth headless's URLs without its phone endpoints: Stent signs in by e-mail only, and
allauth's phone views crash (NotImplementedError) when no phone adapter is configured."""
from django.urls import URLPattern, URLResolver

from allauth.headless import urls as allauth_urls

PHONE_URL_NAMES = {"manage_phone", "verify_phone", "resend_phone_verification_code"}
PHONE_PATH_PART = "/phone"


def _without_phone(patterns: list) -> list:
    kept = []
    for pattern in patterns:
        if isinstance(pattern, URLPattern) and pattern.name in PHONE_URL_NAMES:
            continue
        if isinstance(pattern, URLResolver) and isinstance(pattern.urlconf_name, list):
            pattern.urlconf_name[:] = _without_phone(pattern.urlconf_name)
        kept.append(pattern)
    return kept


app_name = allauth_urls.app_name
urlpatterns = _without_phone(list(allauth_urls.urlpatterns))
