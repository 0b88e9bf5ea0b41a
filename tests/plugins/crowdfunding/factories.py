"""Factories for crowdfunding: a live public campaign by default; pledges through the services."""
from datetime import timedelta

import factory
from django.utils import timezone

from core.privacy.audiences import Audience
from plugins.crowdfunding.models import Campaign, CampaignStatus, Tier
from plugins.crowdfunding.services import payments
from plugins.crowdfunding.services.pledges import create_pledge
from tests.factories import UserFactory

USE_OF_FUNDS = [{"label": "Development", "percent": 45}, {"label": "Hosting", "percent": 55}]


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    owner = factory.SubFactory(UserFactory)
    slug = factory.Sequence(lambda n: f"campaign-{n}")
    title = factory.Sequence(lambda n: f"Fund our independent network {n}")
    story = "We fund the network with our members rather than with industry money."
    goal = 300_000
    currency = "EUR"
    audience = Audience.PUBLIC
    status = CampaignStatus.LIVE
    use_of_funds = factory.LazyFunction(lambda: list(USE_OF_FUNDS))
    starts_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    ends_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))


def make_campaign(**overrides) -> Campaign:
    return CampaignFactory(**overrides)


def draft(**overrides) -> Campaign:
    return CampaignFactory(**{"status": CampaignStatus.DRAFT, **overrides})


class TierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tier

    campaign = factory.SubFactory(CampaignFactory)
    title = factory.Sequence(lambda n: f"Reward {n}")
    description = "A thank-you card from the team."
    minimum_amount = 2_000


def make_tier(**overrides) -> Tier:
    return TierFactory(**overrides)


def pledge(campaign, backer=None, *, amount=2_500, tier=None, provider="manual", **extra):
    """A pending pledge made through the service, as the API makes it."""
    made, _instructions = create_pledge(backer or UserFactory(), campaign, amount=amount,
                                        currency=campaign.currency, provider=provider,
                                        tier=tier, **extra)
    return made


def paid_pledge(campaign, backer=None, **kwargs):
    return payments.mark_paid(pledge(campaign, backer, **kwargs).pk)
