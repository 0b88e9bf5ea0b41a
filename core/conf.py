"""Plugin settings read in one place: a Django setting, else the environment, else the default.

A plugin declares ``settings = {"DEFAULT_DAYS": 60, ...}`` on its ``PluginConfig``;
``plugin_setting("petitions", "DEFAULT_DAYS")`` reads the Django setting
``PETITIONS_DEFAULT_DAYS``, else the environment variable of that name converted to the type of
the default (bool, int, float, str, or a comma-separated list), else the default.
"""
from __future__ import annotations

import os

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def declared_settings(label: str) -> dict:
    """The settings an app declares (its AppConfig's ``settings``), enabled or not."""
    try:
        config = apps.get_app_config(label)
    except LookupError:
        spec = getattr(settings, "STENT_AVAILABLE_PLUGINS", {}).get(label)
        if spec is None:
            raise ImproperlyConfigured(f"No app or plugin is labelled {label!r}.") from None
        config = spec.config
    return getattr(config, "settings", {}) or {}


def setting_name(label: str, name: str) -> str:
    return f"{label.upper()}_{name.upper()}"


def _typed(raw: str, default, variable: str):
    """``raw`` (from the environment) as the type of ``default``; a clear error otherwise."""
    try:
        if isinstance(default, bool):
            word = raw.strip().lower()
            if word not in TRUE_WORDS | FALSE_WORDS:
                raise ValueError(raw)
            return word in TRUE_WORDS
        if isinstance(default, int):
            return int(raw.strip())
        if isinstance(default, float):
            return float(raw.strip())
        if isinstance(default, (list, tuple)):
            return type(default)(item.strip() for item in raw.split(",") if item.strip())
    except ValueError:
        kind = {bool: "a boolean (1/0, true/false, yes/no, on/off)", int: "a whole number",
                float: "a number"}.get(type(default), type(default).__name__)
        raise ImproperlyConfigured(
            f"The environment variable {variable}={raw!r} must be {kind}.") from None
    return raw


def plugin_setting(label: str, name: str):
    """The value of a declared plugin setting (see the module's docstring)."""
    declared = declared_settings(label)
    if name not in declared:
        raise ImproperlyConfigured(
            f"{label} declares no setting {name!r} (declared: {', '.join(declared) or 'none'}).")
    default = declared[name]
    variable = setting_name(label, name)
    if hasattr(settings, variable):
        return getattr(settings, variable)
    if variable in os.environ:
        return _typed(os.environ[variable], default, variable)
    return default


def frontend_link(template: str, **values) -> str:
    """An e-mailed link from its template: ``{frontend}`` (``STENT_FRONTEND_URL``), ``{base}``
    (this server) and the template's own fields (landing pages: ``core/api/landing.py``)."""
    return template.format(frontend=settings.STENT_FRONTEND_URL,
                           base=settings.WAGTAILADMIN_BASE_URL, **values)
