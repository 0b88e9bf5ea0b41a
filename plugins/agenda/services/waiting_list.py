"""The waiting list: free places are offered in arrival order, each offer for a limited time.

Callers hold the event's row lock (``select_for_update``), always taken before any registration
row: two cancellations at once are serialised on the event, so each free place is offered once.
"""
from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from plugins.agenda import notifications
from plugins.agenda.conf import setting
from plugins.agenda.models import Event, Registration, RegistrationStatus
from plugins.agenda.models.registrations import HOLDING


def lock_event(event) -> Event:
    return Event.objects.select_for_update().get(pk=event.pk)


def release_places(event, registration, new_status) -> None:
    """The registration stops holding its places (the event row is locked by the caller)."""
    holding = registration.status in HOLDING
    registration.status = new_status
    registration.offer_expires_at = None
    registration.save(update_fields=["status", "offer_expires_at", "updated_at"])
    if holding:
        Event.objects.filter(pk=event.pk).update(
            places_taken=F("places_taken") - registration.party_size)
        event.refresh_from_db(fields=["places_taken"])


def promote_waiting(event, now=None) -> list[Registration]:
    """Offer the free places to the first in line, strictly in order: a party that does not fit
    waits at the head of the line rather than being overtaken."""
    if event.is_cancelled:
        return []
    now = now or timezone.now()
    event.refresh_from_db(fields=["places_taken", "capacity"])
    free = None if event.capacity is None else event.capacity - event.places_taken
    offered = []
    waiting = Registration.objects.filter(event=event, status=RegistrationStatus.WAITING)
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
        taken = sum(registration.party_size for registration in offered)
        Event.objects.filter(pk=event.pk).update(places_taken=F("places_taken") + taken)
        event.refresh_from_db(fields=["places_taken"])
        for registration in offered:
            notifications.place_offered(event, registration)
    return offered


def expire_offers(now=None) -> int:
    """Periodic: offers not confirmed in time lapse, and the place goes to the next in line."""
    now = now or timezone.now()
    expired = 0
    event_ids = (Registration.objects.filter(status=RegistrationStatus.OFFERED,
                                             offer_expires_at__lte=now)
                 .values_list("event_id", flat=True).distinct())
    for event_id in list(event_ids):
        with transaction.atomic():
            event = Event.objects.select_for_update().get(pk=event_id)
            lapsed = Registration.objects.select_for_update().filter(
                event=event, status=RegistrationStatus.OFFERED, offer_expires_at__lte=now)
            for registration in lapsed.order_by("position"):
                release_places(event, registration, RegistrationStatus.EXPIRED)
                expired += 1
            promote_waiting(event, now)
    return expired
