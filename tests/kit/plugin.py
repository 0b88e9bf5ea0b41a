"""The test kit's pytest plugin (registered in tests/conftest.py): the ``world`` fixture, and
the matrix-coverage contract tests run after every other test of the session."""
import pytest

from tests.kit.matrix import build_world

#: Marks a test that reads what the rest of the session recorded (tests.kit.MATRIX_MODELS).
AFTER_ALL = "after_all_tests"


def pytest_configure(config):
    config.addinivalue_line("markers", f"{AFTER_ALL}: runs once every other test has run")


def pytest_collection_modifyitems(session, config, items):
    last = [item for item in items if item.get_closest_marker(AFTER_ALL)]
    items[:] = [item for item in items if not item.get_closest_marker(AFTER_ALL)] + last
    config.stent_collected_paths = {str(item.path) for item in items}


@pytest.fixture
def world(db):
    """An owner in a community and one viewer of each kind (``tests.kit.VIEWERS``)."""
    return build_world()
