"""Background work (django-tasks), run by the core's periodic runner."""
from django_tasks import task

from plugins.agenda.services.occurrences import extend_open_series
from plugins.agenda.services.reminders import send_reminders
from plugins.agenda.services.waiting_list import expire_offers


@task()
def expire_waiting_list_offers() -> int:
    return expire_offers()


@task()
def send_event_reminders() -> int:
    return send_reminders()


@task()
def extend_series() -> int:
    return extend_open_series()


def periodic_tasks():
    from datetime import timedelta

    from core.periodic import PeriodicTask

    return [
        PeriodicTask(name="agenda.expire_offers", task=expire_waiting_list_offers,
                     interval=timedelta(minutes=10),
                     description="Offers from the waiting list not confirmed in time lapse."),
        PeriodicTask(name="agenda.reminders", task=send_event_reminders,
                     interval=timedelta(hours=1),
                     description="Reminders the day before an occurrence."),
        PeriodicTask(name="agenda.extend_series", task=extend_series,
                     interval=timedelta(days=1),
                     description="Open-ended series get their dates up to the horizon."),
    ]
