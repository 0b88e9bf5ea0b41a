"""Metadata of the polls plugin."""
from django.utils.translation import gettext_lazy as _

from core.plugin_config import PluginConfig


class PollsConfig(PluginConfig):
    name = "plugins.polls"
    label = "polls"
    verbose_name = _("Polls and surveys")
    description = _("Questions to a community, with results that never single anyone out.")
    version = "0.1.0"
    settings = {
        # A member with a draft hears once, this many hours before the survey closes.
        "REMINDER_HOURS": 48,
    }
