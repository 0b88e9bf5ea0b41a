"""The pages the e-mailed account links land on while no front-end is configured.

``HEADLESS_FRONTEND_URLS`` (core/settings.py) point the verification and password-reset links
here by default; like every e-mailed link (``core/api/landing.py``) their GET only explains and
their button performs the step (``core/identity/account_keys.py``).
"""
from django.urls import path
from django.utils.translation import gettext_lazy as _

from allauth.decorators import rate_limit

from core.api.landing import LandingField, landing_view
from core.identity import account_keys

verify_email_page = landing_view(
    title=_("Verify your e-mail address"),
    explanation=_("You signed up with this e-mail address. Press the button to confirm that it "
                  "is yours: until then, you cannot sign in."),
    button=_("Verify my e-mail address"), perform=account_keys.verify_email, parameter="key")

reset_password_page = rate_limit(action="reset_password_from_key")(landing_view(
    title=_("Choose a new password"),
    explanation=_("Someone (you, we hope) asked to reset the password of the account of this "
                  "e-mail address. Choose a new password and press the button; if it was not "
                  "you, close this page: your password stays as it is."),
    button=_("Change my password"), perform=account_keys.reset_password, parameter="key",
    fields=[LandingField("password", _("New password"), type="password",
                         autocomplete="new-password")]))

urlpatterns = [
    path("account/verify-email/<str:key>", verify_email_page, name="account-link-verify-email"),
    path("account/password/reset/key/<str:key>", reset_password_page,
         name="account-link-reset-password"),
]
