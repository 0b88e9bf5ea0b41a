"""Keeping an event's stored occurrences in step with its dates, rule and exception dates."""
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from plugins.agenda import notifications
from plugins.agenda.conf import setting
from plugins.agenda.models import Event, EventStatus, Occurrence, Registration
from plugins.agenda.recurrence import expand, horizon
from plugins.agenda.services.waiting_list import close_pool, lock_event


def expected_occurrences(event, now=None):
    until = horizon(now or timezone.now(), setting("HORIZON_DAYS"))
    return expand(starts_at=event.starts_at, ends_at=event.ends_at,
                  timezone_name=event.timezone, rule=event.recurrence, exdates=event.exdates,
                  until=max(until, event.starts_at))


def cancel_date(event, occurrence, reason="") -> None:
    """One date is off (the event's lock and the occurrence's held): it stays listed as
    cancelled, the people concerned by it hear, and the registrations for it alone (waiting
    list included) are cancelled."""
    Occurrence.objects.filter(pk=occurrence.pk).update(cancelled=True)
    occurrence.cancelled = True
    notifications.occurrence_cancelled(event, occurrence, reason)
    close_pool(event, occurrence)


@transaction.atomic
def sync_occurrences(event, now=None) -> None:
    """Store the dates the event's rule gives (up to the horizon); keep each one's cancellation,
    and the dates of an occurrence postponed on its own. A date the rule no longer gives goes,
    unless someone registered for it: then it stays, cancelled, and they are told."""
    lock_event(event)
    expected = {original: (start, end) for original, start, end
                in expected_occurrences(event, now)}
    existing = {occurrence.original_start: occurrence
                for occurrence in Occurrence.objects.filter(event=event)}
    dropped = Occurrence.objects.filter(event=event).exclude(original_start__in=list(expected))
    booked = Exists(Registration.objects.filter(occurrence=OuterRef("pk")))
    for occurrence in dropped.filter(booked, cancelled=False).select_for_update():
        cancel_date(event, occurrence)
    dropped.exclude(booked).delete()
    cancelled = event.status == EventStatus.CANCELLED
    changed, created = [], []
    for original, (start, end) in expected.items():
        occurrence = existing.get(original)
        if occurrence is None:
            created.append(Occurrence(event=event, original_start=original, starts_at=start,
                                      ends_at=end, cancelled=cancelled))
        elif not occurrence.moved and (occurrence.starts_at, occurrence.ends_at) != (start, end):
            occurrence.starts_at, occurrence.ends_at = start, end
            changed.append(occurrence)
    Occurrence.objects.bulk_create(created)
    Occurrence.objects.bulk_update(changed, ["starts_at", "ends_at"])
    moved_ends = Occurrence.objects.filter(event=event, moved=True).values_list("ends_at",
                                                                               flat=True)
    last_end = max([*(end for _start, end in expected.values()), *moved_ends],
                   default=event.ends_at)
    Event.objects.filter(pk=event.pk).update(last_ends_at=last_end)
    event.last_ends_at = last_end


def extend_open_series(now=None) -> int:
    """Daily: open-ended series get their dates up to the horizon again."""
    now = now or timezone.now()
    count = 0
    series = Event.objects.exclude(recurrence="").exclude(status=EventStatus.CANCELLED)
    for event in series.iterator():
        sync_occurrences(event, now)
        count += 1
    return count
