"""Validators of what members type in: handles and professional registry numbers."""
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

validate_handle = RegexValidator(
    r"^[A-Za-z0-9_-]{3,30}\Z",
    _("A handle has 3 to 30 characters: letters, digits, - and _."),
    code="invalid_handle",
)

# RPPS (France) and INAMI/RIZIV (Belgium) numbers both have 11 digits.
validate_registry_number = RegexValidator(
    r"^[0-9]{11}\Z", _("A registry number has exactly 11 digits."), code="invalid_registry_number",
)
