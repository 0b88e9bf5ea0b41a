"""Metadata of the petitions plugin."""
from django.utils.translation import gettext_lazy as _

from core.plugin_config import PluginConfig


class PetitionsConfig(PluginConfig):
    name = "plugins.petitions"
    label = "petitions"
    verbose_name = _("Petitions")
    description = _("Members raise their voice together without exposing who signed.")
    version = "0.1.0"
    #: Read with plugin_setting("petitions", name); overridden by the Django setting or the
    #: environment variable PETITIONS_<NAME>.
    settings = {
        "DEFAULT_DAYS": 60,  # signing window when no deadline is given
        "MIN_PROMOTERS": 1,  # accepted promoters needed to submit
        "REQUIRE_REVIEW": True,  # submitted petitions wait for a moderator
        "ALLOW_WITHDRAWAL": True,  # signers may withdraw while the petition is open
        "CONFIRMATION_HOURS": 48,  # life of an unconfirmed e-mailed signature
        "CONFIRMATION_RESEND_MINUTES": 60,  # an address is mailed at most once in this time
        "ANONYMISE_AFTER_DAYS": 180,  # retention of signers' links after a petition ends
        "EMAIL_SIGNATURES_RATE": "10/hour",  # e-mailed signatures per IP address
        # The e-mailed link: {frontend} is STENT_FRONTEND_URL (without one, this server's page)
        "CONFIRMATION_URL": "{frontend}/petitions/confirm/?token={token}",
    }
