"""The petitions plugin's settings: Django settings first, then the environment, then defaults."""
import os

from django.conf import settings

DEFAULTS = {
    "PETITIONS_DEFAULT_DAYS": 60,
    "PETITIONS_MIN_PROMOTERS": 1,
    "PETITIONS_REQUIRE_REVIEW": True,
    "PETITIONS_ALLOW_WITHDRAWAL": True,
    "PETITIONS_CONFIRMATION_HOURS": 48,
    "PETITIONS_ANONYMISE_AFTER_DAYS": 180,
    "PETITIONS_EMAIL_SIGNATURES_RATE": "10/hour",
}


def setting(name: str):
    """The value of one PETITIONS_* setting, converted to the type of its default."""
    default = DEFAULTS[name]
    if hasattr(settings, name):
        return getattr(settings, name)
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if isinstance(default, bool):
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    if isinstance(default, int):
        return int(raw)
    return raw
