"""Fixtures shared by the whole suite."""
import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from core.plugins import get_manager

pytest_plugins = ["tests.kit.plugin"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Throttle counters and cached values never leak from one test into another."""
    cache.clear()
    yield
    cache.clear()


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
