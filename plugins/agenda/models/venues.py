"""Venues: reusable places, their address and accessibility described once."""
import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelsearch import index

from core.privacy.audiences import Audience
from core.privacy.models import Audienced
from plugins.agenda.models.accessibility import Accessibility


class Venue(index.Indexed, Accessibility, Audienced):
    """A place events happen at. Public by default; a member hosting at home keeps it private
    (then only events they organise can use it)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    audience = models.CharField(_("audience"), max_length=16, choices=Audience.choices,
                                default=Audience.PUBLIC, db_index=True)
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=300)
    postcode = models.CharField(_("postcode"), max_length=20, blank=True)
    city = models.CharField(_("city"), max_length=120)
    region = models.CharField(_("region"), max_length=120, blank=True, db_index=True)
    country = models.CharField(_("country"), max_length=2, default="FR",
                               help_text=_("ISO 3166 code, e.g. FR or GB."))

    search_fields = [
        index.SearchField("name", boost=2),
        index.SearchField("city"),
        index.AutocompleteField("name"),
        index.FilterField("audience"),
        index.FilterField("hidden_at"),
        index.FilterField("owner_id"),
        index.FilterField("community_id"),
    ]

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name}, {self.city}"

    search_result_type = "agenda.venue"

    @property
    def search_result_title(self) -> str:
        return self.name

    @property
    def search_result_excerpt(self) -> str:
        return f"{self.address}, {self.city}"

    def get_api_url(self) -> str:
        return f"/api/v1/agenda/venues/{self.pk}/"
