"""Benchmark cases: a list endpoint, the raw view over the same rows, and how to seed them.

A case names the endpoint URL, the model, the fields the raw view returns and a function
creating rows for a viewer. Plugins add their case here when they add a list endpoint.
"""
from dataclasses import dataclass, field
from typing import Callable, Optional


@dataclass
class Case:
    """``params`` go in the endpoint's query string; ``filters`` are what the raw view filters
    on to read the same rows. A case without ``seed`` reads the rows of the case before it
    (an ordering or a filter of the same list)."""

    name: str
    endpoint: str
    model_label: str
    ordering: tuple[str, ...]
    fields: tuple[str, ...]
    seed: Optional[Callable[[object, int], None]]
    params: dict = field(default_factory=dict)
    filters: dict = field(default_factory=dict)
    viewers: tuple = ("anonymous", "token")
    #: The raw view's rows when they are not ``visible_to(viewer)`` of the model filtered by
    #: ``filters``: ``raw(viewer, query_params) -> queryset`` (ordered, not yet ``.values()``).
    raw: Optional[Callable[[object, dict], object]] = None
    #: The endpoint's page size parameter (Wagtail's pages API says ``limit``).
    page_param: str = "page_size"


def NOW():
    """A raw filter's value computed at each request (the list compares with the time then)."""
    from django.utils import timezone

    return timezone.now()


def variant(case, name, *, params, ordering=None, filters=None):
    """The same list with an ordering or a filter, its raw view ordered/filtered alike."""
    return Case(name=f"{case.name} {name}", endpoint=case.endpoint,
                model_label=case.model_label, ordering=ordering or case.ordering,
                fields=case.fields, seed=None, params=params, filters=filters or {})


def seed_notes(viewer, rows):
    from core.communities.models import Community, Membership
    from core.privacy.audiences import Audience
    from tests.testapp.models import Note
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    author = user_model.objects.create_user(email="bench-author@stent.example", password="x")
    community = Community.objects.create(name="Bench", slug="bench")
    Membership.objects.create(community=community, member=viewer)
    audiences = [Audience.PUBLIC, Audience.MEMBERS, Audience.COMMUNITY, Audience.PRIVATE]
    Note.objects.bulk_create(
        Note(owner=author, audience=audiences[i % len(audiences)], community=community,
             title=f"Note {i}", body="Some text about living with a condition. " * 5)
        for i in range(rows)
    )


def seed_petitions(viewer, rows, author="bench-promoter@stent.example"):
    """Petitions of every audience and state, two tags each, as the list shows them."""
    from datetime import timedelta

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from core.privacy.audiences import Audience
    from plugins.petitions.models import Petition, Status, TaggedPetition
    from taggit.models import Tag

    author = get_user_model().objects.create_user(email=author, password="x")
    audiences = [Audience.PUBLIC, Audience.MEMBERS, Audience.PUBLIC, Audience.PRIVATE]
    states = [Status.PUBLISHED, Status.PUBLISHED, Status.CLOSED, Status.DRAFT]
    now = timezone.now()
    petitions = Petition.objects.bulk_create(
        Petition(owner=author, audience=audiences[i % 4], status=states[(i // 4) % 4],
                 slug=f"{author.email.split('@')[0]}-{i}", title=f"Reimburse treatment {i}",
                 text="We ask the insurer to reimburse this treatment. " * 10,
                 target="National health insurer", signature_goal=1000, signature_count=i,
                 opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=30))
        for i in range(rows))
    tags = [Tag.objects.get_or_create(name=name, slug=name)[0]
            for name in ("care", "access", "rights")]
    TaggedPetition.objects.bulk_create(
        TaggedPetition(content_object=petition, tag=tags[(n + k) % 3])
        for n, petition in enumerate(petitions) for k in range(2))


CASES = [
    Case(name="notes (test model)", endpoint="/bench/notes/", model_label="testapp.Note",
         ordering=("-created_at", "-id"), fields=("id", "title", "audience", "created_at"),
         seed=seed_notes),
    # The raw view reads the same stored columns as the list returns; the list adds what it
    # computes (reader's state, is_open, percentage, the viewer's flags, tags, cover URL).
    Case(name="petitions", endpoint="/api/v1/petitions/", model_label="petitions.Petition",
         ordering=("-created_at",),
         fields=("id", "slug", "title", "text", "target", "signature_goal", "opens_at",
                 "closes_at", "audience", "community__slug", "status", "signature_count",
                 "owner__profile__handle", "created_at", "submitted_at", "published_at",
                 "rejection_reason", "withdrawn_at", "closed_at", "delivered_at",
                 "delivery_method", "delivered_to", "answer", "answered_at", "cover"),
         seed=seed_petitions),
]
PETITIONS = CASES[1]
CASES += [
    variant(PETITIONS, "most_signed", params={"ordering": "most_signed"},
            ordering=("-signature_count", "-created_at")),
    variant(PETITIONS, "closing_soon", params={"ordering": "closing_soon"},
            ordering=("closes_at", "created_at"),
            filters={"status": "published", "closes_at__gt": NOW, "opens_at__lte": NOW}),
    variant(PETITIONS, "tag", params={"tag": "care"}, filters={"tags__slug": "care"}),
    variant(PETITIONS, "unknown tag", params={"tag": "no-such-tag"},
            filters={"tags__slug": "no-such-tag"}),
    variant(PETITIONS, "search", params={"search": "treatment 12"},
            filters={"title__icontains": "treatment 12"}),
]

# Each plugin's cases live in a module of its own (painless merges).
from benchmarks.cases_agenda import AGENDA_CASES  # noqa: E402
from benchmarks.cases_core import CORE_CASES  # noqa: E402
from benchmarks.cases_crowdfunding import CASES as CROWDFUNDING_CASES  # noqa: E402
from benchmarks.cases_exchange import EXCHANGE_CASES  # noqa: E402
from benchmarks.cases_polls import CASES as POLLS_CASES  # noqa: E402
from benchmarks.cases_toys_donation import CASES as TOYS_DONATION_CASES  # noqa: E402

CASES += (CORE_CASES + POLLS_CASES + AGENDA_CASES + CROWDFUNDING_CASES + EXCHANGE_CASES
          + TOYS_DONATION_CASES)
