"""Toy donation test helpers: a verified institution with a ward, its manager and a wishlist
item, each with sensible defaults (``make_item(**overrides)``)."""
from django.utils import timezone

from core.privacy.audiences import Audience
from plugins.toys_donation.models import Institution, Ward, WishlistItem
from tests.factories import UserFactory


def make_institution(owner=None, *, verified=True, **overrides) -> Institution:
    fields = {"name": "CHU de Nantes", "city": "Nantes", "region": "Pays de la Loire",
              "audience": Audience.PUBLIC, **overrides}
    return Institution.objects.create(owner=owner or UserFactory(),
                                      verified_at=timezone.now() if verified else None, **fields)


def make_ward(manager=None, *, institution=None, **overrides) -> Ward:
    fields = {"name": "Onco-hématologie pédiatrique",
              "delivery_address": "38 boulevard Jean Monnet, 44000 Nantes", **overrides}
    ward = Ward.objects.create(institution=institution or make_institution(), **fields)
    ward.managers.add(manager or UserFactory())
    return ward


def make_item(ward=None, **overrides) -> WishlistItem:
    fields = {"title": "Jeux de société 6-10 ans", "quantity_needed": 10, **overrides}
    return WishlistItem.objects.create(ward=ward or make_ward(), **fields)


def manager_of(ward):
    return ward.managers.first()
