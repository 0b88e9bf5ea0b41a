"""Metadata of the toys_donation plugin."""
from django.utils.translation import gettext_lazy as _

from core.plugin_config import PluginConfig


class ToysDonationConfig(PluginConfig):
    name = "plugins.toys_donation"
    label = "toys_donation"
    verbose_name = _("Toy donation")
    description = _("Donating toys to hospitals' paediatric wards.")
    version = "0.1.0"
