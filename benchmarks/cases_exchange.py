"""Benchmark case of the exchange plugin: the listings list against the raw `.values()` view."""
from benchmarks.cases import Case


def seed_listings(viewer, rows):
    """Listings of every audience, mostly available, a few expired or withdrawn."""
    from datetime import timedelta

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from core.privacy.audiences import Audience
    from plugins.exchange.models import Category, Listing, ListingStatus

    owner = get_user_model().objects.create_user(email="bench-giver@stent.example", password="x")
    category = Category.objects.get_or_create(slug="wheelchairs", defaults={
        "name_en": "Wheelchairs", "name_fr": "Fauteuils roulants"})[0]
    audiences = [Audience.PUBLIC, Audience.MEMBERS, Audience.MEMBERS, Audience.PRIVATE]
    states = [ListingStatus.AVAILABLE] * 6 + [ListingStatus.RESERVED, ListingStatus.WITHDRAWN]
    now = timezone.now()
    Listing.objects.bulk_create(
        Listing(owner=owner, audience=audiences[i % 4], status=states[i % len(states)],
                kind="offer", mode="give", category=category, condition="good",
                title=f"Folding wheelchair {i}", description="Light, brakes checked. " * 10,
                region="Occitanie", postal_prefix="31", cleaning_declared=True,
                published_at=now - timedelta(minutes=i),
                expires_at=now + timedelta(days=30 if i % 10 else -1))
        for i in range(rows))


EXCHANGE_CASES = [
    Case(name="exchange listings", endpoint="/api/v1/exchange/listings/",
         model_label="exchange.Listing", ordering=("-published_at", "-id"),
         fields=("id", "kind", "mode", "title", "category__slug", "condition", "region",
                 "postal_prefix", "pick_up", "delivery", "shipping", "status",
                 "owner__profile__handle", "published_at", "expires_at"),
         seed=seed_listings),
]
