"""Metadata of the exchange plugin."""
from django.utils.translation import gettext_lazy as _

from core.plugin_config import PluginConfig


class ExchangeConfig(PluginConfig):
    name = "plugins.exchange"
    label = "exchange"
    verbose_name = _("Equipment exchange")
    description = _("Giving and receiving unused medical equipment.")
    version = "0.1.0"
