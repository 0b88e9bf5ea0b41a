"""Published figures (through the core statistics) and the managers' fulfilment report."""
import csv
import io

from django.db.models import Count

from core.money import Money
from core.privacy.statistics import min_group_size, suppress
from plugins.crowdfunding.models import Pledge, PledgeStatus, RewardStatus


def stats(campaign) -> dict:
    """Progress and backers per tier; every count of people goes through suppression."""
    tiers = list(campaign.tiers.filter(hidden=False).order_by("position", "minimum_amount"))
    paid = dict(Pledge.objects.filter(campaign=campaign, status=PledgeStatus.PAID)
                .values_list("tier_id").annotate(n=Count("pk")))
    published = suppress({tier.pk: paid.get(tier.pk, 0) for tier in tiers})
    backers = suppress({"all": campaign.backer_count})["all"]
    return {
        "goal": Money(campaign.goal, campaign.currency),
        "raised": Money(campaign.raised, campaign.currency),
        "percentage": campaign.percentage,
        "backers": {"count": backers, "suppressed": backers is None},
        "tiers": [{"id": tier.pk, "title": tier.title,
                   "backers": {"count": published[tier.pk],
                               "suppressed": published[tier.pk] is None}}
                  for tier in tiers],
        "minimum_group_size": min_group_size(),
    }


REPORT_COLUMNS = ["pledge", "status", "amount", "currency", "tier", "reward_status", "handle",
                  "message", "shipping_name", "shipping_address", "payment_reference",
                  "refund_due", "paid_at"]


def report_rows(campaign):
    """One row per pledge that is or was paid: what to fulfil, what to refund. An anonymous
    backer's handle is never in it; shipping details only for shipped, unfulfilled rewards."""
    pledges = (Pledge.objects.filter(campaign=campaign, status__in=[
        PledgeStatus.PAID, PledgeStatus.REFUND_DUE, PledgeStatus.REFUNDED])
        .select_related("tier", "owner__profile").order_by("created_at", "pk"))
    for pledge in pledges:
        shipped = (pledge.tier is not None and pledge.tier.needs_shipping
                   and pledge.reward_status == RewardStatus.TO_FULFIL)
        yield {
            "pledge": str(pledge.pk), "status": pledge.status, "amount": pledge.amount,
            "currency": pledge.currency, "tier": pledge.tier.title if pledge.tier else "",
            "reward_status": pledge.reward_status,
            "handle": pledge.owner.profile.handle if pledge.is_named and pledge.owner else "",
            "message": pledge.message,
            "shipping_name": pledge.shipping_name if shipped else "",
            "shipping_address": pledge.shipping_address if shipped else "",
            "payment_reference": pledge.payment_reference,
            "refund_due": pledge.status == PledgeStatus.REFUND_DUE,
            "paid_at": pledge.paid_at.isoformat() if pledge.paid_at else "",
        }


#: Columns people typed: a cell starting with =, +, - or @ is a formula to a spreadsheet.
TYPED_BY_PEOPLE = {"tier", "handle", "message", "shipping_name", "shipping_address"}


def report_csv(campaign) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=REPORT_COLUMNS)
    writer.writeheader()
    for row in report_rows(campaign):
        writer.writerow({key: (f"'{value}" if key in TYPED_BY_PEOPLE and value
                               and value[0] in "=+-@" else value)
                         for key, value in row.items()})
    return buffer.getvalue()
