"""OpenAPI component names that stay unique when plugins name their serializers alike.

drf-spectacular names a component after its serializer class, so two plugins' ``FigureSerializer``
(or ``CancelSerializer``, ``ThanksSerializer``...) became one ``Figure`` component: one plugin's
operations were documented with the other's fields. A serializer of a plugin whose class name
another app also uses is named with its plugin's name first (``ExchangeFigure``,
``PollsFigure``); names used once are kept as they are.
"""
from collections import defaultdict
from functools import lru_cache

from drf_spectacular.openapi import AutoSchema
from rest_framework.serializers import BaseSerializer

PLUGINS_PACKAGE = "plugins."


def _app_of(cls) -> str:
    """``plugins.exchange`` for a plugin's class, else the top package (``core``, ``cms``...)."""
    parts = cls.__module__.split(".")
    return ".".join(parts[:2]) if cls.__module__.startswith(PLUGINS_PACKAGE) else parts[0]


def _subclasses(cls):
    for subclass in cls.__subclasses__():
        yield subclass
        yield from _subclasses(subclass)


@lru_cache(maxsize=1)
def _shared_names(count: int) -> frozenset:
    """Serializer class names defined in more than one app (``count`` keys the cache: it
    changes when more serializer classes are imported)."""
    apps_by_name = defaultdict(set)
    for serializer in _subclasses(BaseSerializer):
        apps_by_name[serializer.__name__].add(_app_of(serializer))
    return frozenset(name for name, apps in apps_by_name.items() if len(apps) > 1)


def shared_names() -> frozenset:
    return _shared_names(sum(1 for _ in _subclasses(BaseSerializer)))


class AutoSchema(AutoSchema):
    def get_serializer_name(self, serializer, direction):
        name = super().get_serializer_name(serializer, direction)
        cls = type(serializer)
        if cls.__module__.startswith(PLUGINS_PACKAGE) and cls.__name__ in shared_names():
            plugin = cls.__module__.split(".")[1]
            return "".join(part.capitalize() for part in plugin.split("_")) + name
        return name
