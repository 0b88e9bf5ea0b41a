"""Factories for the exchange: make_listing(**overrides) and make_request(**overrides)."""
from datetime import timedelta

import factory
from django.utils import timezone

from core.privacy.audiences import Audience
from plugins.exchange.models import Category, ExchangeRequest, Kind, Listing, Mode
from tests.factories import UserFactory


def category(slug="wheelchairs") -> Category:
    """A category of the default tree (loaded by the data migration; transactional tests
    flush it, hence the creation)."""
    return Category.objects.get_or_create(slug=slug, defaults={
        "name_en": slug.title(), "name_fr": slug.title()})[0]


class ListingFactory(factory.django.DjangoModelFactory):
    """An available offer to give, past its fair-offer delay, visible to members."""

    class Meta:
        model = Listing

    owner = factory.SubFactory(UserFactory)
    kind = Kind.OFFER
    mode = Mode.GIVE
    title = factory.Sequence(lambda n: f"Folding wheelchair {n}")
    description = "Light wheelchair, brakes checked last month."
    category = factory.LazyFunction(category)
    condition = "good"
    region = "Occitanie"
    postal_prefix = "31"
    cleaning_declared = True
    audience = Audience.MEMBERS
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=2))
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=58))


def make_listing(**overrides) -> Listing:
    return ListingFactory(**overrides)


class RequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExchangeRequest

    listing = factory.SubFactory(ListingFactory)
    owner = factory.SubFactory(UserFactory)
    message = "Hello, this would help my mother a lot."


def make_request(**overrides) -> ExchangeRequest:
    return RequestFactory(**overrides)


def listing_payload(**overrides) -> dict:
    return {"kind": "offer", "mode": "give", "title": "Rollator with a seat",
            "description": "Four wheels, foldable, brakes checked.", "category": "walkers",
            "condition": "good", "region": "Bretagne", "postal_prefix": "35",
            "pick_up": True, "cleaning_declared": True, **overrides}
