"""Two plugins' serializers of the same class name are two components in the schema."""
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator
from rest_framework import serializers

from core.api.component_names import AutoSchema


def _serializer_of(module, **fields):
    return type("FigureSerializer", (serializers.Serializer,), {"__module__": module, **fields})


def test_a_name_two_plugins_use_is_prefixed_with_each_plugins_name():
    alpha = _serializer_of("plugins.alpha_beta.serializers", count=serializers.IntegerField())
    gamma = _serializer_of("plugins.gamma.serializers", share=serializers.FloatField())
    schema = AutoSchema()
    assert schema.get_serializer_name(alpha(), "response") == "AlphaBetaFigureSerializer"
    assert schema.get_serializer_name(gamma(), "response") == "GammaFigureSerializer"


def test_a_name_used_once_is_kept():
    only = type("OnlyHereOnceSerializer", (serializers.Serializer,),
                {"__module__": "plugins.alpha.serializers"})
    assert AutoSchema().get_serializer_name(only(), "response") == "OnlyHereOnceSerializer"


def test_the_projects_schema_has_no_two_components_of_one_name():
    GENERATOR_STATS.reset()
    SchemaGenerator().get_schema(request=None, public=True)
    collisions = [warning for warning in GENERATOR_STATS._warn_cache
                  if "identical names" in warning]
    assert collisions == []
