"""Metadata of the agenda plugin."""
from django.utils.translation import gettext_lazy as _

from core.plugin_config import PluginConfig


class AgendaConfig(PluginConfig):
    name = "plugins.agenda"
    label = "agenda"
    verbose_name = _("Agenda")
    description = _("Activities and events you can filter by accessibility, with registrations, "
                    "companions, a waiting list and calendar feeds.")
    version = "0.1.0"
    settings = {
        # How long before an occurrence starts its online link is shown to participants.
        "ONLINE_LINK_MINUTES": 30,
        # Occurrences of an open-ended series are stored this far ahead (a daily job extends).
        "HORIZON_DAYS": 400,
        # The widest ?from=&to= range the occurrences list accepts.
        "MAX_RANGE_DAYS": 186,
        # How long a member promoted from the waiting list has to confirm their place.
        "OFFER_HOURS": 24,
        # The reminder goes this many hours before an occurrence starts.
        "REMINDER_HOURS": 24,
        # No reminder is sent between these hours (local time of the event), e.g. "22-8".
        "QUIET_HOURS": "22-8",
    }

    def ready(self):
        from core.privacy.signals import consent_withdrawn
        from plugins.agenda.purposes import stop_sharing_needs

        consent_withdrawn.connect(stop_sharing_needs, dispatch_uid="agenda_stop_sharing_needs")
