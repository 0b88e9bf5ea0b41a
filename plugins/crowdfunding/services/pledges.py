"""Backing a campaign: a pledge at or above its tier's minimum, a place taken under a lock."""
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import Conflict, Invalid, NotAllowed
from core.money import format_money
from core.privacy.audiences import Audience
from plugins.crowdfunding.models import Pledge, PledgeStatus, Tier
from plugins.crowdfunding.providers.registry import provider_named
from plugins.crowdfunding.reward_kinds import reward_kind
from plugins.crowdfunding.services.locking import lock_campaign, lock_pledge, lock_tier
from plugins.crowdfunding.services.payments import refund_paid, transition


def _take_place(tier_id) -> Tier:
    """The tier's row locked for this transaction; one place taken, or a 409 when sold out."""
    tier = lock_tier(tier_id)
    if tier.sold_out:
        raise Conflict(_("This reward is sold out."), code="sold_out")
    Tier.objects.filter(pk=tier.pk).update(taken=F("taken") + 1)
    return tier


def _shipping(tier, shipping_name, shipping_address):
    if tier is None or not tier.needs_shipping:
        return "", ""
    errors = {}
    if not shipping_name.strip():
        errors["shipping_name"] = [_("This reward is shipped: give the name to ship it to.")]
    if not shipping_address.strip():
        errors["shipping_address"] = [_("This reward is shipped: give the address.")]
    if errors:
        raise Invalid(errors)
    return shipping_name.strip(), shipping_address.strip()


@transaction.atomic
def create_pledge(backer, campaign, *, amount: int, currency: str, provider: str,
                  tier=None, named: bool = False, message: str = "", reward_data=None,
                  shipping_name: str = "", shipping_address: str = ""):
    """Return (pledge, what the backer needs to pay). Anonymous unless ``named``."""
    payment_provider = provider_named(provider, field="provider")
    campaign = lock_campaign(campaign.pk)
    if not campaign.is_open_for_pledges():
        raise Conflict(_("This campaign is not taking pledges."), code="closed")
    if currency != campaign.currency:
        raise Invalid("currency", _("This campaign collects %(currency)s.")
                      % {"currency": campaign.currency})
    if tier is not None:
        if tier.campaign_id != campaign.pk or tier.hidden:
            raise Invalid("tier", _("This reward is not offered by this campaign."))
        if amount < tier.minimum_amount:
            raise Invalid("amount", _("This reward needs at least %(minimum)s.")
                          % {"minimum": format_money(tier.minimum_amount, campaign.currency)})
    kind = reward_kind(tier.reward_kind) if tier is not None else None
    reward_data = kind.validate_pledge(tier, reward_data or {}) if kind else {}
    shipping_name, shipping_address = _shipping(tier, shipping_name, shipping_address)
    if tier is not None:
        tier = _take_place(tier.pk)
    pledge = Pledge(
        owner=backer, campaign=campaign, tier=tier, amount=amount, currency=currency,
        provider=payment_provider.name, message=message, reward_data=reward_data,
        audience=Audience.PUBLIC if named else Audience.PRIVATE,
        shipping_name=shipping_name, shipping_address=shipping_address)
    pledge.save()
    instructions = payment_provider.start(pledge)
    if pledge.payment_reference:
        pledge.save(update_fields=["payment_reference"])
    return pledge, instructions


@transaction.atomic
def cancel_pledge(pledge):
    """The backer takes a pledge back before the end; a paid one only where the provider
    refunds by itself (a bank transfer is given back by the managers, on request)."""
    pledge = lock_pledge(pledge.pk)
    if not pledge.campaign.is_open_for_pledges():
        raise Conflict(_("The campaign is over: this pledge can no longer be cancelled."))
    provider = provider_named(pledge.provider)
    if pledge.status == PledgeStatus.PENDING:
        provider.cancel(pledge)
        return transition(pledge, PledgeStatus.CANCELLED, cancelled_at=timezone.now())
    if pledge.status == PledgeStatus.PAID:
        if not (provider.can_refund and provider.backer_can_cancel):
            raise NotAllowed(_("A paid bank transfer cannot be cancelled here: ask the "
                               "campaign's managers to pay it back."))
        return refund_paid(pledge)
    raise Conflict(_("This pledge is already cancelled or refunded."))


@transaction.atomic
def change_visibility(pledge, *, named: bool, message: str | None = None):
    """The backer chooses again whether their handle (and message) are shown."""
    pledge = lock_pledge(pledge.pk)
    pledge.audience = Audience.PUBLIC if named else Audience.PRIVATE
    if message is not None:
        pledge.message = message
    pledge.save(update_fields=["audience", "message", "updated_at"])
    return pledge
