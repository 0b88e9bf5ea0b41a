"""The plugin's periodic jobs: a gentle reminder of drafts, authors told their poll closed.

Each job is idempotent: it marks what it handled in the same transaction, so a second run
finds nothing to do.
"""
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from plugins.polls import notifications
from plugins.polls.models import Poll, Response, ResponseStatus, Survey


def remind_drafts(now=None) -> int:
    """One reminder per draft, the given number of hours before its survey closes."""
    from core.conf import plugin_setting

    now = now or timezone.now()
    horizon = now + timedelta(hours=plugin_setting("polls", "REMINDER_HOURS"))
    open_soon_closing = Survey.objects.filter(Survey.objects.open_q(now),
                                              closes_at__lte=horizon)
    sent = 0
    with transaction.atomic():
        drafts = (Response.objects.select_for_update(skip_locked=True, of=("self",))
                  .filter(status=ResponseStatus.DRAFT, reminded_at__isnull=True,
                          owner__isnull=False, survey__in=open_soon_closing)
                  .select_related("owner__profile", "survey"))
        for draft in drafts:
            notifications.survey_reminder(draft)
            sent += 1
        Response.objects.filter(pk__in=[draft.pk for draft in drafts]).update(reminded_at=now)
    return sent


def announce_closed_polls(now=None) -> int:
    """Tell each author, once, that their poll has closed."""
    now = now or timezone.now()
    with transaction.atomic():
        closed = list(Poll.objects.select_for_update(skip_locked=True, of=("self",))
                      .filter(Poll.objects.closed_q(now), closing_announced_at__isnull=True)
                      .select_related("owner__profile"))
        for poll in closed:
            notifications.poll_closed(poll)
        Poll.objects.filter(pk__in=[poll.pk for poll in closed]).update(
            closing_announced_at=now)
    return len(closed)
