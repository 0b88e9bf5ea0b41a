"""Background work (django-tasks): expiry of listings and loan reminders."""
from django_tasks import task

from plugins.exchange import services


@task()
def expire_listings() -> int:
    return services.expire_due()


@task()
def remind_loan_returns() -> int:
    return services.remind_due_returns()
