"""Metadata of the agenda plugin."""
from django.utils.translation import gettext_lazy as _

from core.plugin_config import PluginConfig


class AgendaConfig(PluginConfig):
    name = "plugins.agenda"
    label = "agenda"
    verbose_name = _("Agenda")
    description = _("Activities and events, with registrations and capacity.")
    version = "0.1.0"
