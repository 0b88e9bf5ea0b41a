"""Crowdfunding money allocated to wards (exactly once per paid pledge) and what wards bought.

"Where most needed" splits an amount by the wards' open needs (quantities still needed on their
open wishlists) with the largest-remainder method, ties broken by ward id: the same needs always
give the same split, and the parts add up to the amount to the cent.
"""
from django.db import transaction
from django.db.models import F, Sum
from django.utils.translation import gettext_lazy as _

from core.errors import Invalid
from plugins.toys_donation.models import Allocation, Purchase, Ward, WishlistItem
from plugins.toys_donation.services.institutions import check_manager

MOST_NEEDED = "most_needed"


def open_needs() -> dict:
    """{ward_id: quantity still needed} over verified wards with an open wishlist."""
    rows = (WishlistItem.objects.filter(is_open=True, ward__wishlist_open=True,
                                        ward__institution__verified_at__isnull=False)
            .values("ward_id").annotate(need=Sum(F("quantity_needed") - F("quantity_pledged"))))
    return {row["ward_id"]: row["need"] for row in rows if row["need"] > 0}


def split_by_need(amount: int, needs: dict) -> dict:
    """{ward_id: part} of ``amount`` proportional to ``needs``; parts sum to ``amount``."""
    total = sum(needs.values())
    if amount <= 0 or total <= 0:
        return {}
    ordered = sorted(needs, key=str)
    parts = {ward: amount * needs[ward] // total for ward in ordered}
    left = amount - sum(parts.values())
    by_remainder = sorted(ordered, key=lambda ward: (-(amount * needs[ward] % total), str(ward)))
    for ward in by_remainder[:left]:
        parts[ward] += 1
    return {ward: part for ward, part in parts.items() if part > 0}


@transaction.atomic
def allocate(pledge_ref, amount: int, currency: str, ward_choice: str) -> list[Allocation]:
    """Allocate a paid pledge's amount once: a replay finds the allocations already there."""
    existing = list(Allocation.objects.filter(pledge_ref=pledge_ref))
    if existing:
        return existing
    if ward_choice == MOST_NEEDED:
        parts = split_by_need(amount, open_needs())
    else:
        parts = {Ward.objects.get(pk=ward_choice).pk: amount}
    Allocation.objects.bulk_create(
        [Allocation(pledge_ref=pledge_ref, ward_id=ward, amount=part, currency=currency)
         for ward, part in parts.items()], ignore_conflicts=True)
    return list(Allocation.objects.filter(pledge_ref=pledge_ref))


@transaction.atomic
def release(pledge_ref) -> int:
    """A refunded pledge takes its allocations back."""
    deleted, _ = Allocation.objects.filter(pledge_ref=pledge_ref).delete()
    return deleted


@transaction.atomic
def record_purchase(manager, ward, *, description: str, amount: int, currency: str,
                    purchased_on) -> Purchase:
    check_manager(manager, ward)
    if amount < 1:
        raise Invalid("amount", _("A purchase costs something."))
    return Purchase.objects.create(ward=ward, description=description, amount=amount,
                                   currency=currency, purchased_on=purchased_on,
                                   recorded_by=manager)
