"""The "toy donation" reward kind offered to crowdfunding tiers (duck-typed on crowdfunding's
RewardKind, which this module never imports: toys_donation works without crowdfunding).

A tier sets a fixed amount per pledge; each paid pledge allocates it to the ward its backer
picked, or "where most needed"; a refund takes it back.
"""
import uuid

from django.utils.translation import gettext_lazy as _

from core.errors import Invalid
from core.money import format_money
from plugins.toys_donation import queries
from plugins.toys_donation.models import Allocation
from plugins.toys_donation.services import allocations
from plugins.toys_donation.services.allocations import MOST_NEEDED


class ToyDonationRewardKind:
    key = "toys_donation.toys"
    verbose_name = _("Toys for a paediatric ward")

    def validate_tier(self, config: dict) -> dict:
        if not isinstance(config, dict):
            raise Invalid("reward_config", _("Expected an object."))
        amount = config.get("amount_per_pledge")
        if isinstance(amount, bool) or not isinstance(amount, int) or amount < 1:
            raise Invalid("reward_config", _("Set amount_per_pledge: a whole number of minor "
                                             "units (cents), at least 1."))
        return {"amount_per_pledge": amount}

    def validate_pledge(self, tier, data: dict) -> dict:
        ward = data.get("ward") if isinstance(data, dict) else None
        if ward == MOST_NEEDED:
            return {"ward": MOST_NEEDED}
        try:
            ward_id = uuid.UUID(str(ward))
        except ValueError:
            raise Invalid("reward_data", _("Choose a verified ward, or “most_needed”."))
        if not queries.verified_wards_for(None).filter(pk=ward_id).exists():
            raise Invalid("reward_data", _("Choose a verified ward, or “most_needed”."))
        return {"ward": str(ward_id)}

    def _amount(self, pledge) -> int:
        return min(pledge.amount, pledge.tier.reward_config["amount_per_pledge"])

    def pledge_paid(self, pledge) -> None:
        allocations.allocate(pledge.id, self._amount(pledge), pledge.currency,
                             pledge.reward_data["ward"])

    def pledge_refunded(self, pledge) -> None:
        allocations.release(pledge.id)

    def describe(self, pledge) -> dict:
        rows = Allocation.objects.filter(pledge_ref=pledge.id).select_related(
            "ward__institution").order_by("ward__institution__name", "ward__name")
        return {
            "kind": self.key,
            "where_most_needed": (pledge.reward_data or {}).get("ward") == MOST_NEEDED,
            "allocations": [
                {"ward": str(row.ward_id), "ward_name": row.ward.name,
                 "institution": row.ward.institution.name,
                 "amount": {"amount": row.amount, "currency": row.currency,
                            "formatted": format_money(row.amount, row.currency)}}
                for row in rows],
        }
