"""Fixtures of the CMS tests: a site tree with its sections."""
import pytest

from tests.cms.factories import make_site_tree


@pytest.fixture
def tree(db):
    return make_site_tree()

