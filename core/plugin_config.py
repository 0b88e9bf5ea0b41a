"""The AppConfig base class every Stent plugin subclasses: its metadata lives here."""
from django.apps import AppConfig


class PluginConfig(AppConfig):
    """A Django app that is also a Stent plugin.

    Subclasses set ``name``, ``label``, ``verbose_name`` and the attributes below. The core
    reads them before Django loads apps, so they must be plain class attributes.
    """

    default_auto_field = "django.db.models.BigAutoField"
    description = ""
    version = "0.0.0"
    #: labels of the plugins this one needs enabled too
    requires = ()
    #: the plugin's settings and their defaults, e.g. ``{"DEFAULT_DAYS": 60}``; read them with
    #: ``core.conf.plugin_setting(label, name)`` (Django setting or environment variable
    #: ``<LABEL>_<NAME>``, typed like the default)
    settings: dict = {}
