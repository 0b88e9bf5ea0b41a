"""Rewards delivered: the pledge is marked fulfilled and its shipping details are dropped."""
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import Conflict
from plugins.crowdfunding.models import PledgeStatus, RewardStatus
from plugins.crowdfunding.services.locking import lock_pledge


def anonymise_shipping(pledges) -> int:
    """Shipping details are kept only until fulfilment, like petition signatures' details."""
    return pledges.exclude(shipping_name="", shipping_address="").update(
        shipping_name="", shipping_address="")


@transaction.atomic
def fulfil(pledge):
    pledge = lock_pledge(pledge.pk)
    if pledge.status != PledgeStatus.PAID or pledge.reward_status != RewardStatus.TO_FULFIL:
        raise Conflict(_("Only a paid pledge with a reward to fulfil can be marked fulfilled."))
    pledge.reward_status = RewardStatus.FULFILLED
    pledge.fulfilled_at = timezone.now()
    pledge.shipping_name = pledge.shipping_address = ""
    pledge.save(update_fields=["reward_status", "fulfilled_at", "shipping_name",
                               "shipping_address", "updated_at"])
    return pledge
