"""Venues: described once, reused by events; their accessibility flows to those events."""
from django.db import transaction
from django.utils.translation import gettext as _

from core.errors import Conflict
from plugins.agenda.models import Venue
from plugins.agenda.services.events import refresh_features_of_venue


def create_venue(owner, **fields) -> Venue:
    return Venue.objects.create(owner=owner, **fields)


@transaction.atomic
def update_venue(venue, **changes) -> Venue:
    for name, value in changes.items():
        setattr(venue, name, value)
    venue.save()
    refresh_features_of_venue(venue)
    return venue


def delete_venue(venue) -> None:
    if venue.events.exists():
        raise Conflict(_("Events use this venue: it cannot be deleted."))
    venue.delete()
