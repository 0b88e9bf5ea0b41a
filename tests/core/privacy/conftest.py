"""The world of the core's privacy tests: the kit's world plus a Note of each audience."""
import pytest

from core.privacy.audiences import Audience
from tests.kit import build_world
from tests.testapp.models import Note


@pytest.fixture
def world(db):
    world = build_world()
    notes = {audience: Note.objects.create(owner=world.owner, audience=audience,
                                           community=world.community,
                                           title=f"A {audience} note")
             for audience in Audience}
    return world.viewers, notes, world.community
