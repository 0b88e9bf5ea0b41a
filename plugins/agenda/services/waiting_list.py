"""The waiting list: free places are offered in arrival order, each offer for a limited time.

Places are counted per *pool*: the whole series (``Event.places_taken``, ``occurrence`` None) or
one date when the event registers per occurrence (``Occurrence.places_taken``); each pool has
its own line. Callers hold the event's row lock (``select_for_update``), then the occurrence's,
always before any registration row: two cancellations at once are serialised, so each free
place is offered once.
"""
from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import Conflict
from plugins.agenda import notifications
from plugins.agenda.conf import setting
from plugins.agenda.models import Event, Occurrence, Registration, RegistrationStatus
from plugins.agenda.models.registrations import ACTIVE, HOLDING


def lock_event(event) -> Event:
    return Event.objects.select_for_update().get(pk=event.pk)


def lock_occurrence(occurrence_id):
    """The occurrence's row, locked after its event's (None when the pool is the series)."""
    if occurrence_id is None:
        return None
    return Occurrence.objects.select_for_update().get(pk=occurrence_id)


def in_pool(event, occurrence):
    """The registrations sharing the places of ``occurrence`` (None: of the series)."""
    return Registration.objects.filter(event=event, occurrence=occurrence)


def _pool_rows(event, occurrence):
    return (Occurrence.objects.filter(pk=occurrence.pk) if occurrence is not None
            else Event.objects.filter(pk=event.pk))


def places_taken(event, occurrence) -> int:
    return (occurrence or event).places_taken


def move_places(event, occurrence, delta: int) -> None:
    """``places_taken`` of the pool moves by ``delta`` in SQL; the in-memory row follows.

    Places are taken by a conditional UPDATE that only matches while they fit: the database
    refuses an overbooking even if a caller forgot a lock (a series has its CHECK too)."""
    holder = occurrence or event
    rows = _pool_rows(event, occurrence)
    if delta > 0 and event.capacity is not None:
        rows = rows.filter(places_taken__lte=event.capacity - delta)
    if not rows.update(places_taken=F("places_taken") + delta):
        raise Conflict(_("No place is left."))
    holder.refresh_from_db(fields=["places_taken"])


def take_position(event, occurrence) -> int:
    """The next place in the pool's line (the counter moves under the caller's lock)."""
    position = (occurrence or event).next_position
    _pool_rows(event, occurrence).update(next_position=F("next_position") + 1)
    return position


def release_places(event, registration, new_status, occurrence=None) -> None:
    """The registration stops holding its places (its pool's rows are locked by the caller)."""
    holding = registration.status in HOLDING
    registration.status = new_status
    registration.offer_expires_at = None
    registration.save(update_fields=["status", "offer_expires_at", "updated_at"])
    if holding:
        move_places(event, occurrence, -registration.party_size)


def promote_waiting(event, occurrence=None, now=None) -> list[Registration]:
    """Offer the pool's free places to the first in line, strictly in order: a party that does
    not fit waits at the head of the line rather than being overtaken. A cancelled or started
    date offers nothing."""
    now = now or timezone.now()
    if event.is_cancelled or occurrence is not None and (occurrence.cancelled
                                                         or occurrence.starts_at <= now):
        return []
    event.refresh_from_db(fields=["capacity"])
    (occurrence or event).refresh_from_db(fields=["places_taken"])
    taken = places_taken(event, occurrence)
    free = None if event.capacity is None else event.capacity - taken
    offered = []
    waiting = in_pool(event, occurrence).filter(status=RegistrationStatus.WAITING)
    for registration in waiting.order_by("position").select_related("member__profile"):
        if free is not None and registration.party_size > free:
            break
        registration.status = RegistrationStatus.OFFERED
        registration.offer_expires_at = now + timedelta(hours=setting("OFFER_HOURS"))
        registration.save(update_fields=["status", "offer_expires_at", "updated_at"])
        if free is not None:
            free -= registration.party_size
        offered.append(registration)
    if offered:
        move_places(event, occurrence, sum(registration.party_size for registration in offered))
        for registration in offered:
            notifications.place_offered(event, registration)
    return offered


def promote_every_pool(event, now=None) -> list[Registration]:
    """After the capacity grew: each pool with someone waiting (the event's lock is held)."""
    if not event.per_occurrence:
        return promote_waiting(event, None, now)
    offered = []
    dates = (Registration.objects.filter(event=event, status=RegistrationStatus.WAITING)
             .values_list("occurrence_id", flat=True).distinct().order_by("occurrence_id"))
    for occurrence_id in list(dates):
        offered += promote_waiting(event, lock_occurrence(occurrence_id), now)
    return offered


def expire_offers(now=None) -> int:
    """Periodic: offers not confirmed in time lapse, and the place goes to the next in line."""
    now = now or timezone.now()
    expired = 0
    pools = (Registration.objects.filter(status=RegistrationStatus.OFFERED,
                                         offer_expires_at__lte=now)
             .values_list("event_id", "occurrence_id").distinct())
    for event_id, occurrence_id in list(pools):
        with transaction.atomic():
            event = Event.objects.select_for_update().get(pk=event_id)
            occurrence = lock_occurrence(occurrence_id)
            lapsed = in_pool(event, occurrence).select_for_update().filter(
                status=RegistrationStatus.OFFERED, offer_expires_at__lte=now)
            for registration in lapsed.order_by("position"):
                release_places(event, registration, RegistrationStatus.EXPIRED, occurrence)
                expired += 1
            promote_waiting(event, occurrence, now)
    return expired


def close_pool(event, occurrence) -> list[Registration]:
    """A date is cancelled: its live registrations (waiting list included) are cancelled and
    their places freed; returns them (the caller has told their members already)."""
    closed = list(in_pool(event, occurrence).select_for_update()
                  .filter(status__in=ACTIVE).order_by("position", "created_at"))
    for registration in closed:
        release_places(event, registration, RegistrationStatus.CANCELLED, occurrence)
    return closed
