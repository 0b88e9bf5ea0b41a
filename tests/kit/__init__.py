"""The test kit every plugin's tests use instead of copying: the privacy matrix in one call,
the query-count check of list endpoints, the check that a lean list builds no objects, and the ``world`` fixture (tests/kit/plugin.py)."""
from tests.kit.matrix import (ALLOWED, MATRIX_MODELS, VIEWERS, World, assert_follows_matrix,
                              build_world)
from tests.kit.lean import no_objects_built
from tests.kit.queries import assert_constant_queries

__all__ = ["ALLOWED", "MATRIX_MODELS", "VIEWERS", "World", "assert_constant_queries",
           "assert_follows_matrix", "build_world", "no_objects_built"]
