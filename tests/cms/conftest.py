"""Fixtures of the CMS tests: a site tree with its sections, and the test app's notes in the
site-wide search."""
import pytest

from core.hookspecs import hookimpl
from core.plugins import get_manager
from tests.cms.factories import make_site_tree
from tests.testapp.models import Note


@pytest.fixture
def tree(db):
    return make_site_tree()


class NotesPlugin:
    """A throwaway plugin registering the test app's Note for search."""

    @hookimpl
    def stent_search_models(self):
        return [Note]


@pytest.fixture
def notes_plugin():
    plugin = NotesPlugin()
    get_manager().register(plugin, name="notes_search")
    yield plugin
    get_manager().unregister(plugin)
