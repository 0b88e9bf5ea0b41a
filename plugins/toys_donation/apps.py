"""Metadata of the toys_donation plugin."""
from django.utils.translation import gettext_lazy as _

from core.plugin_config import PluginConfig


class ToysDonationConfig(PluginConfig):
    name = "plugins.toys_donation"
    label = "toys_donation"
    verbose_name = _("Toy donation")
    description = _("Donating toys to hospitals' paediatric wards.")
    version = "0.1.0"
    settings = {
        # A pledge not sent or dropped off within this many days expires and frees its quantity.
        "PLEDGE_EXPIRY_DAYS": 14,
        # Thank-you photos may show faces only when the deployer allows it.
        "ALLOW_FACES": False,
    }
