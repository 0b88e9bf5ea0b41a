"""Factories for petitions: make_petition(**overrides) builds one in the state a test needs."""
from datetime import timedelta

import factory
from django.utils import timezone

from core.privacy.audiences import Audience
from plugins.petitions.models import Petition, Promoter, Signature, Status
from tests.factories import UserFactory


class PetitionFactory(factory.django.DjangoModelFactory):
    """An open public petition by default, its author already its first promoter."""

    class Meta:
        model = Petition
        skip_postgeneration_save = True

    owner = factory.SubFactory(UserFactory)
    slug = factory.Sequence(lambda n: f"petition-{n}")
    title = factory.Sequence(lambda n: f"Reimburse treatment number {n}")
    text = "We ask for the full reimbursement of this treatment."
    target = "National health insurer"
    signature_goal = 100
    audience = Audience.PUBLIC
    status = Status.PUBLISHED
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))

    @factory.post_generation
    def author_promotes(petition, create, extracted, **kwargs):
        if create and petition.owner_id:
            Promoter.objects.create(petition=petition, member=petition.owner,
                                    status=Promoter.Status.ACCEPTED, accepted_at=timezone.now())


def make_petition(**overrides) -> Petition:
    return PetitionFactory(**overrides)


def draft(**overrides) -> Petition:
    return PetitionFactory(**{"status": Status.DRAFT, "opens_at": None, "closes_at": None,
                              **overrides})


def closed(**overrides) -> Petition:
    """Past its deadline, not yet stored as closed: lazily closed everywhere."""
    return PetitionFactory(opens_at=timezone.now() - timedelta(days=40),
                           closes_at=timezone.now() - timedelta(days=1), **overrides)


class SignatureFactory(factory.django.DjangoModelFactory):
    """A confirmed member signature; use services.sign() where the count matters."""

    class Meta:
        model = Signature

    petition = factory.SubFactory(PetitionFactory)
    owner = factory.SubFactory(UserFactory)
    confirmed_at = factory.LazyFunction(timezone.now)
