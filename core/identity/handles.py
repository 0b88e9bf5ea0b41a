"""Pseudonymous handles: finding a member by one, checking a chosen one is free, generating one."""
import secrets

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.errors import NotFound
from core.identity.models import Profile

ADJECTIVES = ["brave", "calm", "bright", "gentle", "steady", "kind", "bold", "quiet", "warm",
              "swift", "clever", "patient", "hopeful", "sunny", "curious", "loyal"]
NOUNS = ["otter", "heron", "maple", "river", "falcon", "willow", "badger", "comet", "lynx",
         "cedar", "robin", "harbor", "meadow", "fox", "owl", "pebble"]


def member_by_handle(handle: str, *, include_inactive: bool = False):
    """The active member with that handle, ignoring case (handles are unique ignoring case).

    Raises ``NotFound``: an unknown handle and an inactive account look the same.
    ``include_inactive``: suspended accounts too, for the moderators who reinstate them.
    """
    members = get_user_model().objects.select_related("profile")
    if not include_inactive:
        members = members.filter(is_active=True)
    member = members.filter(profile__handle__iexact=handle).first()
    if member is None:
        raise NotFound(_("No member has this handle."))
    return member


def handle_is_taken(handle: str, exclude_user=None) -> bool:
    taken = Profile.objects.filter(handle__iexact=handle)
    if exclude_user is not None:
        taken = taken.exclude(user=exclude_user)
    return taken.exists()


def check_handle_is_free(handle: str, exclude_user=None) -> None:
    """For Django forms (sign-up): a Django ValidationError the form shows under the field."""
    if handle_is_taken(handle, exclude_user):
        raise ValidationError(_("This handle is already taken."), code="handle_taken")


def generate_handle() -> str:
    """A random, friendly, non-identifying handle that is free (never derived from the e-mail)."""
    while True:
        candidate = (f"{secrets.choice(ADJECTIVES)}-{secrets.choice(NOUNS)}-"
                     f"{secrets.randbelow(10000):04d}")
        if not handle_is_taken(candidate):
            return candidate
