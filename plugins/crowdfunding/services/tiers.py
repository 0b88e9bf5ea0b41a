"""Reward tiers: offered, changed, hidden; one that was chosen is never deleted."""
from django.db import transaction
from django.utils.translation import gettext as _

from core.errors import Conflict, Invalid
from plugins.crowdfunding.models import ENDED_STATES, Tier
from plugins.crowdfunding.reward_kinds import reward_kinds
from plugins.crowdfunding.services.locking import lock_campaign, lock_tier


def _clean_reward(fields: dict, tier=None) -> dict:
    key = fields.get("reward_kind", getattr(tier, "reward_kind", ""))
    if not key:
        fields["reward_config"] = {}
        return fields
    kind = reward_kinds().get(key)
    if kind is None:
        raise Invalid("reward_kind", _("Unknown kind of reward; choose one of: %(keys)s.")
                      % {"keys": ", ".join(reward_kinds()) or "-"})
    fields["reward_config"] = kind.validate_tier(
        fields.get("reward_config", getattr(tier, "reward_config", {})) or {})
    return fields


@transaction.atomic
def create_tier(campaign, **fields) -> Tier:
    campaign = lock_campaign(campaign.pk)
    if campaign.status in ENDED_STATES:
        raise Conflict(_("This campaign has ended: its rewards can no longer change."))
    return Tier.objects.create(campaign=campaign, **_clean_reward(fields))


@transaction.atomic
def update_tier(tier, **fields) -> Tier:
    lock_campaign(tier.campaign_id)
    tier = lock_tier(tier.pk)
    if tier.campaign.status in ENDED_STATES:
        raise Conflict(_("This campaign has ended: its rewards can no longer change."))
    chosen = tier.pledges.exists()
    frozen = {"minimum_amount", "reward_kind", "reward_config", "needs_shipping"}
    if chosen and any(name in frozen and fields[name] != getattr(tier, name) for name in fields):
        raise Conflict(_("This reward was already chosen: only its words, order, quantity "
                         "and visibility can change."))
    quantity = fields.get("quantity", tier.quantity)
    if quantity is not None and quantity < tier.taken:
        raise Invalid("quantity", _("%(taken)s places are already taken.") % {"taken": tier.taken})
    for name, value in _clean_reward(fields, tier).items():
        setattr(tier, name, value)
    tier.save()
    return tier


@transaction.atomic
def delete_tier(tier) -> None:
    lock_campaign(tier.campaign_id)
    tier = lock_tier(tier.pk)
    if tier.pledges.exists():
        raise Conflict(_("This reward was already chosen: hide it instead of deleting it."))
    tier.delete()
