"""Metadata of the exchange plugin and its settings."""
from django.utils.translation import gettext_lazy as _

from core.plugin_config import PluginConfig


class ExchangeConfig(PluginConfig):
    name = "plugins.exchange"
    label = "exchange"
    verbose_name = _("Equipment exchange")
    description = _("Giving, lending and asking for unused medical equipment, safely.")
    version = "0.1.0"
    settings = {
        # how long a listing stays listed before it must be renewed
        "LISTING_DAYS": 60,
        # the fair-offer delay: how long a giver waits before choosing among requests
        "FAIR_OFFER_HOURS": 24,
        "MAX_PHOTOS": 6,
        # a loan's reminder is sent this many days before its return date
        "RETURN_REMINDER_DAYS": 2,
    }
