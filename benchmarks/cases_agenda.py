"""Benchmark cases of the agenda: the events list and the occurrences range."""
from benchmarks.cases import Case


def _seed_events(viewer, rows, *, daily=1):
    """``rows`` events (or ``rows // daily`` daily series), every audience, all upcoming."""
    from datetime import timedelta

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from core.privacy.audiences import Audience
    from plugins.agenda.models import Event, Occurrence, Venue

    organiser = get_user_model().objects.create_user(
        email=f"bench-organiser-{daily}@stent.example", password="x")
    venue = Venue.objects.create(owner=organiser, name="Maison des associations",
                                 address="1 rue de la Paix", city="Paris",
                                 region="Île-de-France", step_free=True)
    audiences = [Audience.PUBLIC, Audience.MEMBERS, Audience.PUBLIC, Audience.PRIVATE]
    start = timezone.now() + timedelta(days=1)
    events = Event.objects.bulk_create(
        Event(owner=organiser, audience=audiences[i % 4], title=f"Groupe de parole {i}",
              description="Un temps d'échange entre pairs. " * 10, category="support_group",
              starts_at=start + timedelta(minutes=i), ends_at=start + timedelta(minutes=i + 90),
              recurrence="FREQ=DAILY;COUNT=%d" % daily if daily > 1 else "", venue=venue,
              region="Île-de-France", registration_required=bool(i % 2), capacity=12,
              access_features=",seating,step_free,", step_free=True, seating=True,
              last_ends_at=start + timedelta(days=daily, minutes=i + 90))
        for i in range(rows // daily))
    Occurrence.objects.bulk_create(
        Occurrence(event=event, original_start=event.starts_at + timedelta(days=d),
                   starts_at=event.starts_at + timedelta(days=d),
                   ends_at=event.ends_at + timedelta(days=d))
        for event in events for d in range(daily))


def seed_events(viewer, rows):
    _seed_events(viewer, rows)


def seed_occurrences(viewer, rows):
    _seed_events(viewer, rows, daily=20)


AGENDA_CASES = [
    # The raw views read the same stored columns the lists return (and those the places left
    # come from); the lists add the places left and the features as a list, and keep only
    # events with an occurrence to come.
    Case(name="agenda events", endpoint="/api/v1/agenda/events/", model_label="agenda.Event",
         ordering=("starts_at", "id"),
         fields=("id", "title", "category", "organiser_kind", "owner__profile__handle",
                 "starts_at", "ends_at", "all_day", "timezone", "recurrence", "mode", "region",
                 "venue_id", "venue__name", "venue__city", "community__slug", "audience",
                 "status", "registration_required", "registration_scope", "capacity",
                 "price_amount", "price_currency", "places_taken", "access_features", "cover", "created_at"),
         seed=seed_events),
    Case(name="agenda occurrences", endpoint="/api/v1/agenda/occurrences/",
         model_label="agenda.Occurrence", ordering=("starts_at", "id"),
         fields=("id", "event_id", "event__title", "starts_at", "ends_at", "original_start",
                 "cancelled", "event__all_day", "event__timezone", "event__category",
                 "event__mode", "event__region", "event__access_features",
                 "event__registration_required", "event__registration_scope", "places_taken",
                 "event__places_taken", "event__capacity"),
         seed=seed_occurrences),
]
