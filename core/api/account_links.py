"""Landing views for the links Stent e-mails while no front-end is configured.

A deployer sets STENT_FRONTEND_URL to their front-end; until then (development), the e-mailed
verification and password-reset links land here and say how to finish with the API.
"""
from django.http import JsonResponse
from django.urls import path
from django.utils.translation import gettext as _


def verify_email_link(request, key):
    return JsonResponse({
        "detail": _("To verify your e-mail address, POST this key to the accounts API."),
        "key": key,
        "endpoint": request.build_absolute_uri("/api/v1/auth/browser/v1/auth/email/verify"),
        "app_endpoint": request.build_absolute_uri("/api/v1/auth/app/v1/auth/email/verify"),
        "body": {"key": key},
    })


def reset_password_link(request, key):
    return JsonResponse({
        "detail": _("To choose a new password, POST this key and your new password to the "
                    "accounts API."),
        "key": key,
        "endpoint": request.build_absolute_uri("/api/v1/auth/browser/v1/auth/password/reset"),
        "app_endpoint": request.build_absolute_uri("/api/v1/auth/app/v1/auth/password/reset"),
        "body": {"key": key, "password": "..."},
    })


urlpatterns = [
    path("account/verify-email/<str:key>", verify_email_link, name="account-link-verify-email"),
    path("account/password/reset/key/<str:key>", reset_password_link,
         name="account-link-reset-password"),
]
