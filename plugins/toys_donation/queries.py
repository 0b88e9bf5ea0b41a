"""Every read of the toys_donation plugin, built on visible_to(): institutions (verified ones
only, but for their registrant and moderators), wards, wishlists, pledges, thanks."""
from django.db.models import F

from plugins.toys_donation.models import (ACTIVE_STATUSES, Institution, Pledge, ThanksUpdate,
                                          Ward, WishlistItem)


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated


def institutions_for(user):
    """Verified institutions the audience allows; unverified ones only to their registrant and
    to moderators (who verify them)."""
    return Institution.objects.visible_to(user)


def verified_institutions_for(user):
    return institutions_for(user).verified()


def wards_for(user):
    return Ward.objects.filter(institution__in=institutions_for(user)).select_related(
        "institution")


def verified_wards_for(user):
    return Ward.objects.filter(institution__in=verified_institutions_for(user))


def _with_remaining(items):
    return items.annotate(remaining=F("quantity_needed") - F("quantity_pledged"))


def items_for(user):
    return _with_remaining(WishlistItem.objects.filter(ward__in=wards_for(user).values("pk")))


def items_of(ward):
    """The wishlist of a ward already read through ``wards_for``."""
    return _with_remaining(WishlistItem.objects.filter(ward=ward))


def is_ward_manager(user, ward) -> bool:
    return _signed_in(user) and ward.managers.filter(pk=user.pk).exists()


def managed_ward_ids(user, ward_ids) -> set:
    if not _signed_in(user):
        return set()
    return set(Ward.objects.filter(pk__in=ward_ids, managers=user).values_list("pk", flat=True))


def wards_with_address_for(user, ward_ids) -> set:
    """Of ``ward_ids``, the wards whose delivery address the user may read: those they manage
    and those where they hold an active pledge."""
    if not _signed_in(user):
        return set()
    pledged = set(Pledge.objects.visible_to(user).filter(
        owner=user, status__in=ACTIVE_STATUSES, item__ward_id__in=ward_ids)
        .values_list("item__ward_id", flat=True))
    return pledged | managed_ward_ids(user, ward_ids)


def my_pledges(user):
    """The donor's own pledges (visible_to keeps a private pledge to its owner)."""
    if not _signed_in(user):
        return Pledge.objects.none()
    return Pledge.objects.visible_to(user).filter(owner=user)


def pledges_for(user):
    """Pledges the user may act on: their own, and those made to the wards they manage."""
    if not _signed_in(user):
        return Pledge.objects.none()
    return (Pledge.objects.visible_to(user) | Pledge.objects.filter(item__ward__managers=user)
            ).distinct().select_related("item__ward__institution", "owner__profile")


def thanks_for(user):
    return ThanksUpdate.objects.visible_to(user).filter(
        ward__in=wards_for(user).values("pk")).select_related("ward__institution")
