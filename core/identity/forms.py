"""Extra sign-up fields (allauth's ACCOUNT_SIGNUP_FORM_CLASS): an optional handle and language."""
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.identity.handles import check_handle_is_free
from core.identity.validators import validate_handle


class SignupForm(forms.Form):
    handle = forms.CharField(
        label=_("handle"), required=False, min_length=3, max_length=30,
        validators=[validate_handle],
        help_text=_("Your pseudonym, the only thing others see by default. "
                    "Leave it empty to get a random one."))
    language = forms.ChoiceField(label=_("preferred language"), required=False,
                                 choices=settings.LANGUAGES)

    def clean_handle(self):
        handle = self.cleaned_data.get("handle", "")
        if handle:
            check_handle_is_free(handle)
        return handle

    def signup(self, request, user):
        """Called by allauth once the account exists (its profile has a generated handle)."""
        profile = user.profile
        if self.cleaned_data.get("handle"):
            profile.handle = self.cleaned_data["handle"]
        if self.cleaned_data.get("language"):
            profile.language = self.cleaned_data["language"]
        profile.save(update_fields=["handle", "language", "updated_at"])
