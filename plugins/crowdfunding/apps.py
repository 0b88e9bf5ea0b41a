"""Metadata of the crowdfunding plugin, and its settings' defaults."""
from django.utils.translation import gettext_lazy as _

from core.plugin_config import PluginConfig


class CrowdfundingConfig(PluginConfig):
    name = "plugins.crowdfunding"
    label = "crowdfunding"
    verbose_name = _("Crowdfunding")
    description = _("Associations fund their projects with members and friends: campaigns with "
                    "a goal, the use of funds, reward tiers and anonymous-by-default pledges.")
    version = "0.1.0"
    #: Read with core.conf.plugin_setting("crowdfunding", NAME): Django setting
    #: CROWDFUNDING_<NAME>, else the environment variable of that name, else these.
    settings = {
        "GRACE_DAYS": 7,                   # after the end, for pending payments to arrive
        "MANUAL_REFERENCE_FORMAT": "rf",   # "rf" (ISO 11649) or "be" (+++xxx/xxxx/xxxxx+++)
        "MANUAL_IBAN": "",
        "MANUAL_BENEFICIARY": "",
        "STRIPE_SECRET_KEY": "",           # the stripe provider is offered only when set
        "STRIPE_WEBHOOK_SECRET": "",
    }
