"""The plugin manager: discovery, choice of the enabled set, registration of hook modules.

Discovery and enabling are pure functions of the environment, run by ``core.settings`` before
Django loads apps; the pluggy manager is built once apps are ready (``CoreConfig.ready``).
"""
from __future__ import annotations

import importlib
import inspect
import pkgutil
from dataclasses import dataclass
from importlib.metadata import entry_points

import pluggy
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from core import hookspecs
from core.plugin_config import PluginConfig

ENTRY_POINT_GROUP = "stent.plugins"
BUILTIN_PACKAGE = "plugins"


class PluginSelectionError(ImproperlyConfigured):
    """STENT_PLUGINS names a plugin that does not exist or lacks one it needs."""


@dataclass(frozen=True)
class PluginSpec:
    """What the core knows of an available plugin before Django starts."""

    label: str
    module: str
    config: type[PluginConfig]

    @property
    def app_config_path(self) -> str:
        return f"{self.config.__module__}.{self.config.__name__}"

    @property
    def requires(self) -> tuple[str, ...]:
        return tuple(self.config.requires)


def _config_class(module: str) -> type[PluginConfig]:
    apps_module = importlib.import_module(f"{module}.apps")
    configs = [
        obj
        for obj in vars(apps_module).values()
        if inspect.isclass(obj) and issubclass(obj, PluginConfig) and obj is not PluginConfig
        and obj.__module__ == apps_module.__name__
    ]
    if len(configs) != 1:
        raise ImproperlyConfigured(
            f"{module}.apps must define exactly one PluginConfig subclass, found {len(configs)}."
        )
    return configs[0]


def _spec(module: str) -> PluginSpec:
    config = _config_class(module)
    return PluginSpec(label=config.label or module.rsplit(".", 1)[-1], module=module, config=config)


def available_plugins() -> dict[str, PluginSpec]:
    """Every plugin this installation could enable: built-in ones, then entry points."""
    found: dict[str, PluginSpec] = {}
    builtin = importlib.import_module(BUILTIN_PACKAGE)
    for info in sorted(pkgutil.iter_modules(builtin.__path__), key=lambda i: i.name):
        if info.ispkg:
            spec = _spec(f"{BUILTIN_PACKAGE}.{info.name}")
            found[spec.label] = spec
    for entry_point in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        spec = _spec(entry_point.value)
        found.setdefault(spec.label, spec)
    return found


def select_plugins(requested: str | None, available: dict[str, PluginSpec]) -> list[PluginSpec]:
    """Apply ``STENT_PLUGINS``: None selects every available plugin, "" selects none."""
    listing = ", ".join(sorted(available)) or "(none)"
    if requested is None:
        chosen = list(available)
    else:
        chosen = [name.strip() for name in requested.split(",") if name.strip()]
    unknown = [name for name in chosen if name not in available]
    if unknown:
        raise PluginSelectionError(
            f"STENT_PLUGINS names unknown plugin(s): {', '.join(unknown)}. "
            f"Available plugins: {listing}."
        )
    for name in chosen:
        missing = [dep for dep in available[name].requires if dep not in chosen]
        if missing:
            raise PluginSelectionError(
                f"Plugin '{name}' needs {', '.join(missing)}, which STENT_PLUGINS does not enable. "
                f"Available plugins: {listing}."
            )
    return [available[name] for name in dict.fromkeys(chosen)]


# Core modules that implement hooks themselves (the core's PrivacyHandler, demo data...).
CORE_HOOK_MODULES: list[str] = [
    "core.hooks",
    "core.identity.hooks",
    "core.privacy.hooks",
    "core.communities.hooks",
    "core.moderation.hooks",
    "core.notifications.hooks",
    "cms.hooks",
]

_manager: pluggy.PluginManager | None = None


def build_manager(enabled: list[PluginSpec]) -> pluggy.PluginManager:
    """A manager with the core hookspecs, the core's hook modules and each enabled plugin."""
    pm = pluggy.PluginManager("stent")
    pm.add_hookspecs(hookspecs)
    pm.hook.stent_add_hookspecs.call_historic(kwargs={"pm": pm})
    for module in CORE_HOOK_MODULES:
        pm.register(importlib.import_module(module), name=module)
    for spec in enabled:
        pm.register(importlib.import_module(f"{spec.module}.plugin"), name=spec.label)
    pm.check_pending()
    return pm


def get_manager() -> pluggy.PluginManager:
    """The process-wide manager, built from the enabled set once apps are ready."""
    global _manager
    if _manager is None:
        _manager = build_manager(settings.STENT_ENABLED_PLUGINS)
    return _manager


def enabled_plugin_configs() -> list[PluginConfig]:
    """The enabled plugins' AppConfig instances, in the order STENT_PLUGINS gave."""
    return [apps.get_app_config(spec.label) for spec in settings.STENT_ENABLED_PLUGINS]


def call_each(hook_name: str, **kwargs):
    """Yield (plugin name, result) for each implementation of a hook, one by one.

    Used where the caller needs to know which plugin answered (URL mounting) or wants to
    report progress between implementations (seeding).
    """
    caller = getattr(get_manager().hook, hook_name)
    for impl in reversed(caller.get_hookimpls()):
        args = [kwargs[name] for name in impl.argnames]
        yield impl.plugin_name, impl.function(*args)


def collect(hook_name: str, **kwargs) -> list:
    """Call a hook whose implementations each return a list; return them all as one list."""
    results = getattr(get_manager().hook, hook_name)(**kwargs)
    return [item for result in reversed(results) if result for item in result]
