"""Pledges: never more than the item still needs; sent, received, cancelled or expired once.

Every change that moves an item's counters locks the item's row first, then the pledge's: one
fixed order, so a cancellation and an expiry of the same pledge at the same moment run one
after the other and the second finds the pledge already ended.
"""
from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.errors import Conflict, Invalid, NotAllowed
from core.conf import plugin_setting
from core.privacy.audiences import Audience
from plugins.toys_donation import notifications
from plugins.toys_donation.models import (ACTIVE_STATUSES, DeliveryMethod, Pledge,
                                          PledgeStatus, WishlistItem)


def expiry_delay() -> timedelta:
    return timedelta(days=plugin_setting("toys_donation", "PLEDGE_EXPIRY_DAYS"))


def _check_pledgeable(item, quantity: int, method: str) -> None:
    ward = item.ward
    if ward.institution.verified_at is None:
        raise Conflict(_("This institution is not verified yet."))
    if not (ward.wishlist_open and item.is_open):
        raise Conflict(_("This wishlist is closed."))
    if method == DeliveryMethod.DROPOFF and not ward.accepts_dropoff:
        raise Invalid("method", _("This ward does not accept drop-off."))
    if method == DeliveryMethod.SHIPPING and not ward.accepts_shipping:
        raise Invalid("method", _("This ward does not accept shipping."))
    if quantity < 1:
        raise Invalid("quantity", _("Pledge at least one."))
    if quantity > item.remaining_now():
        raise Invalid("quantity", _("Only %(count)d still needed.")
                      % {"count": item.remaining_now()})


@transaction.atomic
def pledge(donor, item, *, quantity: int, method: str, show_handle: bool = False,
           message: str = "") -> Pledge:
    """Pledge ``quantity`` of the item; the item's row lock makes parallel pledges queue."""
    locked = (WishlistItem.objects.select_for_update(of=("self",))
              .select_related("ward__institution").get(pk=item.pk))
    _check_pledgeable(locked, quantity, method)
    WishlistItem.objects.filter(pk=locked.pk).update(
        quantity_pledged=F("quantity_pledged") + quantity)
    made = Pledge.objects.create(
        owner=donor, audience=Audience.PRIVATE, item=locked, quantity=quantity, method=method,
        show_handle=show_handle, message=message, expires_at=timezone.now() + expiry_delay())
    notifications.new_pledge(made)
    return made


def _locked(pledge_id):
    """The pledge's item, then the pledge, locked in that order."""
    item_id = Pledge.objects.filter(pk=pledge_id).values_list("item_id", flat=True).get()
    item = WishlistItem.objects.select_for_update().get(pk=item_id)
    return item, Pledge.objects.select_for_update().get(pk=pledge_id)


@transaction.atomic
def mark_sent(donor, pledge) -> Pledge:
    _, locked = _locked(pledge.pk)
    if locked.owner_id != donor.pk:
        raise NotAllowed(_("Only the donor may do this."))
    if locked.status != PledgeStatus.PLEDGED:
        raise Conflict(_("Only a pledge not yet sent can be marked as sent."))
    locked.status = PledgeStatus.SENT
    locked.sent_at = timezone.now()
    locked.save(update_fields=["status", "sent_at", "updated_at"])
    return locked


def _release(pledge_id, status: str, now=None) -> bool:
    """End an active pledge and give its quantity back; False if it had already ended."""
    item, locked = _locked(pledge_id)
    if locked.status not in ACTIVE_STATUSES:
        return False
    if status == PledgeStatus.EXPIRED and (locked.status != PledgeStatus.PLEDGED
                                           or locked.expires_at > (now or timezone.now())):
        return False
    WishlistItem.objects.filter(pk=item.pk).update(
        quantity_pledged=F("quantity_pledged") - locked.quantity)
    locked.status = status
    locked.ended_at = now or timezone.now()
    locked.save(update_fields=["status", "ended_at", "updated_at"])
    return True


@transaction.atomic
def cancel(donor, pledge) -> Pledge:
    if pledge.owner_id != donor.pk:
        raise NotAllowed(_("Only the donor may do this."))
    if not _release(pledge.pk, PledgeStatus.CANCELLED):
        raise Conflict(_("This pledge has already ended."))
    return Pledge.objects.get(pk=pledge.pk)


def expire_due(now=None) -> int:
    """Expire the pledges not sent in time (the periodic job); each in its own transaction."""
    now = now or timezone.now()
    due = list(Pledge.objects.filter(status=PledgeStatus.PLEDGED, expires_at__lte=now)
               .order_by("pk").values_list("pk", flat=True))
    expired = 0
    for pledge_id in due:
        with transaction.atomic():
            if _release(pledge_id, PledgeStatus.EXPIRED, now):
                expired += 1
                notifications.pledge_expired(Pledge.objects.get(pk=pledge_id))
    return expired


@transaction.atomic
def receive(manager, pledge, *, thanks: str = "") -> Pledge:
    """A manager of the pledge's ward confirms the toys arrived; the donor is thanked."""
    item, locked = _locked(pledge.pk)
    if not item.ward.managers.filter(pk=manager.pk).exists():
        raise NotAllowed(_("Only the ward's managers may confirm a reception."))
    if locked.status not in ACTIVE_STATUSES:
        raise Conflict(_("This pledge has already ended."))
    WishlistItem.objects.filter(pk=item.pk).update(
        quantity_received=F("quantity_received") + locked.quantity)
    locked.status = PledgeStatus.RECEIVED
    locked.received_at = timezone.now()
    locked.save(update_fields=["status", "received_at", "updated_at"])
    notifications.pledge_received(locked, thanks)
    return locked
