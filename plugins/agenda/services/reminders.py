"""Reminders the day before: each participant once per occurrence, never in quiet hours."""
from datetime import timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from plugins.agenda import notifications
from plugins.agenda.conf import setting
from plugins.agenda.models import (EventStatus, Occurrence, Registration, RegistrationStatus,
                                   ReminderSent)


def in_quiet_hours(moment, zone_name) -> bool:
    start, _dash, end = str(setting("QUIET_HOURS")).partition("-")
    if not end:
        return False
    hour = moment.astimezone(ZoneInfo(zone_name)).hour
    start, end = int(start), int(end)
    return start <= hour or hour < end if start > end else start <= hour < end


def participants_of(event, occurrence):
    """Who comes to ``occurrence``: confirmed for the series or for that date (registration),
    or answering going or maybe (open events)."""
    users = get_user_model().objects.filter(is_active=True)
    if event.registration_required:
        return users.filter(Exists(Registration.objects.filter(
            Q(occurrence__isnull=True) | Q(occurrence=occurrence), event=event,
            member=OuterRef("pk"), status=RegistrationStatus.CONFIRMED)))
    return users.filter(agenda_rsvps__event=event, agenda_rsvps__answer__in=["going", "maybe"])


def send_reminders(now=None) -> int:
    """Periodic (hourly): occurrences starting within ``REMINDER_HOURS``."""
    now = now or timezone.now()
    soon = (Occurrence.objects
            .filter(starts_at__gt=now,
                    starts_at__lte=now + timedelta(hours=setting("REMINDER_HOURS")),
                    cancelled=False)
            .exclude(event__status=EventStatus.CANCELLED).select_related("event"))
    sent = 0
    for occurrence in soon:
        event = occurrence.event
        if in_quiet_hours(now, event.timezone):
            continue
        recipients = []
        coming = participants_of(event, occurrence)
        for member in coming.exclude(agenda_reminders__occurrence=occurrence):
            try:
                with transaction.atomic():
                    ReminderSent.objects.create(occurrence=occurrence, member=member)
            except IntegrityError:  # another run reminded them just now
                continue
            recipients.append(member)
        if recipients:
            with transaction.atomic():
                notifications.reminder(event, occurrence, recipients)
            sent += len(recipients)
    return sent
