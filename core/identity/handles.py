"""Pseudonymous handles: finding a member by one, checking a chosen one is free, generating one,
and reserving the handles of erased members."""
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from core.errors import NotFound
from core.identity.models import ErasedHandle, Profile

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


# --- Handles of erased members -----------------------------------------------------------------
def erased_handle_digest(handle: str) -> str:
    """The keyed hash kept instead of an erased handle (``STENT_ERASED_HANDLE_KEY``, else
    SECRET_KEY): it proves a handle was used without telling anyone which handles were."""
    key = getattr(settings, "STENT_ERASED_HANDLE_KEY", "") or settings.SECRET_KEY
    return salted_hmac("stent.identity.erased-handle", handle.lower(), secret=key,
                       algorithm="sha256").hexdigest()


def reserve_erased_handle(handle: str) -> None:
    """Called when a member is erased: their handle stays out of reach."""
    ErasedHandle.objects.update_or_create(digest=erased_handle_digest(handle),
                                          defaults={"erased_at": timezone.now()})


def handle_is_reserved(handle: str) -> bool:
    reserved = ErasedHandle.objects.filter(digest=erased_handle_digest(handle))
    days = getattr(settings, "STENT_ERASED_HANDLE_DAYS", None)
    if days:  # None or 0: forever
        reserved = reserved.filter(erased_at__gt=timezone.now() - timedelta(days=days))
    return reserved.exists()


def handle_refusal(handle: str, exclude_user=None) -> str | None:
    """Why ``handle`` cannot be chosen (by ``exclude_user``, who may keep their own), or None."""
    if exclude_user is not None and Profile.objects.filter(
            user=exclude_user, handle__iexact=handle).exists():
        return None
    if handle_is_taken(handle, exclude_user):
        return _("This handle is already taken.")
    if handle_is_reserved(handle):
        return _("This handle belonged to an erased account: it cannot be chosen again.")
    return None


def check_handle_is_free(handle: str, exclude_user=None) -> None:
    """For Django forms (sign-up): a Django ValidationError the form shows under the field."""
    refusal = handle_refusal(handle, exclude_user)
    if refusal:
        raise ValidationError(refusal, code="handle_taken")


def generate_handle() -> str:
    """A random, friendly, non-identifying handle that is free (never derived from the e-mail)."""
    while True:
        candidate = (f"{secrets.choice(ADJECTIVES)}-{secrets.choice(NOUNS)}-"
                     f"{secrets.randbelow(10000):04d}")
        if not handle_is_taken(candidate) and not handle_is_reserved(candidate):
            return candidate
