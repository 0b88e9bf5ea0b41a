"""Factories for the agenda: make_event(**overrides) builds one through the service, so its
occurrences and accessibility index exist as in real use."""
from datetime import timedelta

import factory
from django.utils import timezone

from plugins.agenda.models import Venue
from plugins.agenda.services.events import create_event
from tests.factories import UserFactory


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Maison des associations {n}")
    address = "12 rue de la Paix"
    postcode = "75002"
    city = "Paris"
    region = "Île-de-France"


def make_event(organiser=None, **overrides):
    """A public in-person event in a week, two hours long, at a new venue."""
    organiser = organiser or UserFactory()
    start = timezone.now() + timedelta(days=7)
    fields = {"title": "Groupe de parole", "description": "On se retrouve pour échanger.",
              "starts_at": start, "ends_at": start + timedelta(hours=2),
              "timezone": "Europe/Paris"}
    fields.update(overrides)
    if fields.get("mode", "in_person") != "online" and "venue" not in fields:
        fields["venue"] = VenueFactory(owner=organiser)
    if fields.get("mode") in ("online", "hybrid"):
        fields.setdefault("online_url", "https://visio.example.org/room")
    return create_event(organiser, **fields)


def registration_event(organiser=None, **overrides):
    return make_event(organiser, **{"registration_required": True, "capacity": 10,
                                    "max_companions": 2, **overrides})


def weekly_event(organiser=None, **overrides):
    """Four weekly dates from next week, taking registrations for one date at a time (the
    default of a recurring event)."""
    return registration_event(organiser, **{"recurrence": "FREQ=WEEKLY;COUNT=4", **overrides})


def dates_of(event):
    """The event's occurrences in date order."""
    from plugins.agenda.models import Occurrence

    return list(Occurrence.objects.filter(event=event).order_by("starts_at"))
