"""Fixtures shared by the whole suite."""
import os

import pytest
from hypothesis import settings as hypothesis_settings
from django.core.cache import cache
from rest_framework.test import APIClient

from core.hookspecs import hookimpl
from core.plugins import get_manager

# Property tests draw the same examples on every run (CI must not turn red by chance); run
# `HYPOTHESIS_PROFILE=explore make test` to draw new ones and look further.
hypothesis_settings.register_profile("repeatable", derandomize=True, database=None)
hypothesis_settings.register_profile("explore", max_examples=200)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

pytest_plugins = ["tests.kit.plugin"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Throttle counters and cached values never leak from one test into another."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """The language a request activated never leaks into the next test."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def api_client():
    return APIClient()


@pytest.fixture
def register():
    """Register throwaway plugins on the global manager for one test (datasette's habit)."""
    registered = []

    def _register(plugin, name):
        get_manager().register(plugin, name=name)
        registered.append(plugin)
        return plugin

    yield _register
    for plugin in registered:
        get_manager().unregister(plugin)


class NotesSearchPlugin:
    """A throwaway plugin registering the test app's Note for the site-wide search."""

    @hookimpl
    def stent_search_models(self):
        from tests.testapp.models import Note

        return [Note]


@pytest.fixture
def notes_plugin():
    plugin = NotesSearchPlugin()
    get_manager().register(plugin, name="notes_search")
    yield plugin
    get_manager().unregister(plugin)
