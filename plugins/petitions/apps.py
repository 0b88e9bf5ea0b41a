"""Metadata of the petitions plugin."""
from django.utils.translation import gettext_lazy as _

from core.plugin_config import PluginConfig


class PetitionsConfig(PluginConfig):
    name = "plugins.petitions"
    label = "petitions"
    verbose_name = _("Petitions")
    description = _("Members raise their voice together without exposing who signed.")
    version = "0.1.0"
