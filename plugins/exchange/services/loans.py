"""Loan reminders: the borrower hears once, a few days before the return date."""
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from core.conf import plugin_setting
from plugins.exchange import notifications
from plugins.exchange.models import ExchangeRequest, RequestStatus


def remind_due_returns(today=None) -> int:
    today = today or timezone.localdate()
    horizon = today + timedelta(days=int(plugin_setting("exchange", "RETURN_REMINDER_DAYS")))
    with transaction.atomic():
        due = list(ExchangeRequest.objects.select_for_update(skip_locked=True, of=("self",))
                   .select_related("owner__profile", "listing").filter(
                       status__in=[RequestStatus.HANDED_OVER, RequestStatus.RECEIVED],
                       return_by__isnull=False, return_by__lte=horizon,
                       reminded_at__isnull=True))
        ExchangeRequest.objects.filter(pk__in=[loan.pk for loan in due]).update(
            reminded_at=timezone.now())
        for loan in due:
            notifications.send([loan.owner], "exchange.return_reminder",
                               gettext_lazy("A borrowed item is due back soon"),
                               target=loan.listing, url=loan.listing.get_api_url())
    return len(due)
