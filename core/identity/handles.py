"""Pseudonymous handles: checking a chosen one is free, generating one when none was chosen."""
import secrets

from django.utils.translation import gettext as _

ADJECTIVES = ["brave", "calm", "bright", "gentle", "steady", "kind", "bold", "quiet", "warm",
              "swift", "clever", "patient", "hopeful", "sunny", "curious", "loyal"]
NOUNS = ["otter", "heron", "maple", "river", "falcon", "willow", "badger", "comet", "lynx",
         "cedar", "robin", "harbor", "meadow", "fox", "owl", "pebble"]


def handle_is_taken(handle: str, exclude_user=None) -> bool:
    from core.identity.models import Profile

    taken = Profile.objects.filter(handle__iexact=handle)
    if exclude_user is not None:
        taken = taken.exclude(user=exclude_user)
    return taken.exists()


def check_handle_is_free(handle: str, exclude_user=None) -> None:
    from django.core.exceptions import ValidationError

    if handle_is_taken(handle, exclude_user):
        raise ValidationError(_("This handle is already taken."), code="handle_taken")


def generate_handle() -> str:
    """A random, friendly, non-identifying handle that is free (never derived from the e-mail)."""
    while True:
        candidate = (f"{secrets.choice(ADJECTIVES)}-{secrets.choice(NOUNS)}-"
                     f"{secrets.randbelow(10000):04d}")
        if not handle_is_taken(candidate):
            return candidate
