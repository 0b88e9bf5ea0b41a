"""The five audiences a member chooses from, narrowest first."""
from django.db import models
from django.utils.translation import gettext_lazy as _


class Audience(models.TextChoices):
    PRIVATE = "private", _("Only me")
    CIRCLE = "circle", _("My circle")
    COMMUNITY = "community", _("The community")
    MEMBERS = "members", _("All members")
    PUBLIC = "public", _("Everyone, including visitors")


#: The audience of new content unless the member chose another default.
DEFAULT_AUDIENCE = Audience.MEMBERS
