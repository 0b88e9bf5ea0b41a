"""A pledge's money changes state here, and only here: each transition moves the campaign's and
the tier's counters with F() and tells the reward kind, in the transaction of the change.

Counters: ``Campaign.raised`` and ``backer_count`` sum the paid pledges; ``Tier.taken`` counts
the pending and paid ones (a pending payment holds its place).
"""
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import Conflict
from plugins.crowdfunding.models import Campaign, PledgeStatus, RewardStatus, Tier
from plugins.crowdfunding.reward_kinds import reward_kind
from plugins.crowdfunding.services.locking import lock_pledge

COUNTED_AS_RAISED = (PledgeStatus.PAID,)
HOLDING_A_PLACE = (PledgeStatus.PENDING, PledgeStatus.PAID)


def _move_counters(pledge, old: str, new: str) -> None:
    raised_delta = (new in COUNTED_AS_RAISED) - (old in COUNTED_AS_RAISED)
    if raised_delta:
        Campaign.objects.filter(pk=pledge.campaign_id).update(
            raised=F("raised") + raised_delta * pledge.amount,
            backer_count=F("backer_count") + raised_delta)
    place_delta = (new in HOLDING_A_PLACE) - (old in HOLDING_A_PLACE)
    if place_delta and pledge.tier_id:
        Tier.objects.filter(pk=pledge.tier_id).update(taken=F("taken") + place_delta)


def _tell_reward_kind(pledge, old: str, new: str) -> None:
    kind = reward_kind(pledge.tier.reward_kind) if pledge.tier_id else None
    if kind is None:
        return
    if new == PledgeStatus.PAID and old != PledgeStatus.PAID:
        kind.pledge_paid(pledge)
    elif old == PledgeStatus.PAID:
        kind.pledge_refunded(pledge)


def transition(pledge, new: str, **stamps):
    """Move a locked pledge to ``new``: counters, reward status, the reward kind, then save."""
    old = pledge.status
    pledge.status = new
    for name, value in stamps.items():
        setattr(pledge, name, value)
    if pledge.tier_id:
        if new == PledgeStatus.PAID:
            pledge.reward_status = RewardStatus.TO_FULFIL
        elif new != PledgeStatus.PENDING and pledge.reward_status == RewardStatus.TO_FULFIL:
            pledge.reward_status = RewardStatus.CANCELLED
    _move_counters(pledge, old, new)
    pledge.save()
    _tell_reward_kind(pledge, old, new)
    return pledge


@transaction.atomic
def mark_paid(pledge_id):
    """The provider says the money arrived. A second report changes nothing, nor does a report
    on a pledge already refunded (events out of order). Money arriving for a pledge cancelled
    meanwhile (by its backer, or when the campaign ended) was not wanted: it goes back through
    the provider, or is listed for the managers to pay back, and counts nowhere."""
    pledge = lock_pledge(pledge_id)
    if pledge.status == PledgeStatus.PENDING:
        return transition(pledge, PledgeStatus.PAID, paid_at=timezone.now())
    if pledge.status == PledgeStatus.CANCELLED:
        pledge.paid_at = timezone.now()
        return refund_paid(pledge)
    return pledge


@transaction.atomic
def confirm_manual_payment(pledge_id):
    """A manager saw the transfer: unlike a provider's report, a wrong state is an error."""
    pledge = lock_pledge(pledge_id)
    if pledge.status != PledgeStatus.PENDING:
        raise Conflict(_("Only a pledge waiting for payment can be marked as received."))
    return transition(pledge, PledgeStatus.PAID, paid_at=timezone.now())


@transaction.atomic
def mark_failed(pledge_id):
    """The provider says the payment failed or was abandoned: the place is given back."""
    pledge = lock_pledge(pledge_id)
    if pledge.status == PledgeStatus.PENDING:
        return transition(pledge, PledgeStatus.CANCELLED, cancelled_at=timezone.now())
    return pledge


@transaction.atomic
def mark_refunded(pledge_id, *, by_provider=True):
    """The money went back (the provider reports it, or a manager paid back a transfer)."""
    pledge = lock_pledge(pledge_id)
    # A provider may report a refund before the payment itself (events out of order).
    refundable = (PledgeStatus.PAID, PledgeStatus.REFUND_DUE) + (
        (PledgeStatus.PENDING,) if by_provider else ())
    if pledge.status in refundable:
        return transition(pledge, PledgeStatus.REFUNDED, refunded_at=timezone.now())
    if not by_provider:
        raise Conflict(_("Only a paid pledge or one to be refunded can be marked refunded."))
    return pledge


def refund_paid(pledge):
    """Within a transaction holding the pledge's lock: give back a paid pledge's money (or
    money paid for a cancelled one) through its provider, or list it for the managers when
    the provider cannot refund by itself."""
    from plugins.crowdfunding.providers.registry import payment_providers

    provider = payment_providers().get(pledge.provider)
    outcome = provider.refund(pledge) if provider is not None and provider.can_refund else None
    if outcome is not None and outcome.done:
        return transition(pledge, PledgeStatus.REFUNDED, refunded_at=timezone.now())
    return transition(pledge, PledgeStatus.REFUND_DUE)
