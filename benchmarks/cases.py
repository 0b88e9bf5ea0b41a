"""Benchmark cases: a list endpoint, the raw view over the same rows, and how to seed them.

A case names the endpoint URL, the model, the fields the raw view returns and a function
creating rows for a viewer. Plugins add their case here when they add a list endpoint.
"""
from dataclasses import dataclass
from typing import Callable


@dataclass
class Case:
    name: str
    endpoint: str
    model_label: str
    ordering: tuple[str, ...]
    fields: tuple[str, ...]
    seed: Callable[[object, int], None]


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


CASES = [
    Case(name="notes (test model)", endpoint="/bench/notes/", model_label="testapp.Note",
         ordering=("-created_at", "-id"), fields=("id", "title", "audience", "created_at"),
         seed=seed_notes),
]
