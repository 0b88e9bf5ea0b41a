"""The end-of-campaign job: kept, refunded or listed for refund; every backer told once."""
from datetime import timedelta

import pytest
from django.utils import timezone

from core.notifications.models import Notification
from plugins.crowdfunding.models import (Campaign, CampaignStatus, FundingModel, PledgeStatus,
                                         RewardStatus)
from plugins.crowdfunding.plugin import stent_periodic_tasks
from plugins.crowdfunding.services.ending import end_due_campaigns
from tests.factories import UserFactory
from tests.plugins.crowdfunding.factories import make_campaign, make_tier, paid_pledge, pledge
from tests.plugins.crowdfunding.stripe_fakes import local_stripe  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def past_end(campaign, days=8):
    """Move the campaign's window back: ended ``days`` ago (the grace period is 7 days)."""
    now = timezone.now()
    Campaign.objects.filter(pk=campaign.pk).update(starts_at=now - timedelta(days=60),
                                                   ends_at=now - timedelta(days=days))


def run_job(capture):
    with capture(execute=True):
        return end_due_campaigns()


def test_a_successful_campaign_keeps_pledges_and_rewards(django_capture_on_commit_callbacks):
    campaign = make_campaign(goal=5_000)
    tier = make_tier(campaign=campaign)
    kept = [paid_pledge(campaign, tier=tier, amount=2_500) for _ in range(2)]
    waiting = pledge(campaign, tier=tier)
    past_end(campaign)
    assert run_job(django_capture_on_commit_callbacks) == 1
    campaign.refresh_from_db()
    tier.refresh_from_db()
    assert campaign.status == CampaignStatus.SUCCESSFUL and campaign.raised == 5_000
    assert {p.status for p in campaign.pledges.filter(pk__in=[k.pk for k in kept])} == {"paid"}
    assert campaign.pledges.get(pk=waiting.pk).status == PledgeStatus.CANCELLED
    assert tier.taken == 2
    assert set(campaign.pledges.filter(status="paid").values_list("reward_status", flat=True)) \
        == {RewardStatus.TO_FULFIL}
    assert Notification.objects.filter(kind="crowdfunding.ended").count() == 3
    assert run_job(django_capture_on_commit_callbacks) == 0


def test_the_grace_period_waits_for_pending_payments(django_capture_on_commit_callbacks):
    campaign = make_campaign()
    past_end(campaign, days=2)
    assert run_job(django_capture_on_commit_callbacks) == 0
    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.LIVE and not campaign.is_open_for_pledges()


def test_a_failed_all_or_nothing_campaign_refunds_every_paid_pledge(
        local_stripe, django_capture_on_commit_callbacks):
    from plugins.crowdfunding.services import payments

    campaign = make_campaign(goal=1_000_000, funding_model=FundingModel.ALL_OR_NOTHING)
    tier = make_tier(campaign=campaign, quantity=10)
    twice = UserFactory()
    by_transfer = [paid_pledge(campaign, twice, tier=tier), paid_pledge(campaign, twice)]
    by_card = pledge(campaign, provider="stripe", tier=tier)
    payments.mark_paid(by_card.pk)
    pending = pledge(campaign)
    past_end(campaign)
    run_job(django_capture_on_commit_callbacks)
    campaign.refresh_from_db()
    tier.refresh_from_db()
    assert campaign.status == CampaignStatus.FAILED
    assert (campaign.raised, campaign.backer_count, tier.taken) == (0, 0, 0)
    states = dict(campaign.pledges.values_list("pk", "status"))
    assert [states[p.pk] for p in by_transfer] == ["refund_due", "refund_due"]
    assert states[by_card.pk] == "refunded" and states[pending.pk] == "cancelled"
    assert local_stripe.requests[-1][1].endswith("/v1/refunds")
    assert set(campaign.pledges.exclude(tier=None).values_list("reward_status", flat=True)) == {
        RewardStatus.CANCELLED}
    # One notification a backer, however many pledges they made.
    notified = list(Notification.objects.filter(kind="crowdfunding.ended")
                    .values_list("recipient_id", flat=True))
    assert sorted(notified) == sorted({twice.pk, by_card.owner_id, pending.owner_id})
    assert "refunded" in Notification.objects.filter(recipient=twice).get().title


def test_keep_what_you_raise_keeps_the_money_below_the_goal(django_capture_on_commit_callbacks):
    campaign = make_campaign(goal=1_000_000, funding_model=FundingModel.KEEP_WHAT_YOU_RAISE)
    kept = paid_pledge(campaign)
    past_end(campaign)
    run_job(django_capture_on_commit_callbacks)
    campaign.refresh_from_db()
    kept.refresh_from_db()
    assert campaign.status == CampaignStatus.FAILED and kept.status == PledgeStatus.PAID
    assert campaign.raised == kept.amount


def test_hook_stent_periodic_tasks_ends_due_campaigns(django_capture_on_commit_callbacks):
    (job,) = stent_periodic_tasks()
    assert job.name == "crowdfunding.end_due_campaigns"
    campaign = make_campaign()
    past_end(campaign)
    with django_capture_on_commit_callbacks(execute=True):
        job.task.call()
    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.FAILED
