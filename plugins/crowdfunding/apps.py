"""Metadata of the crowdfunding plugin."""
from django.utils.translation import gettext_lazy as _

from core.plugin_config import PluginConfig


class CrowdfundingConfig(PluginConfig):
    name = "plugins.crowdfunding"
    label = "crowdfunding"
    verbose_name = _("Crowdfunding")
    description = _("Campaigns with pledges and rewards.")
    version = "0.1.0"
