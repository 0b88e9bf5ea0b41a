"""Background work (django-tasks) run on an interval: closing at the deadline, expiry of
unconfirmed signatures, anonymisation of old ones. Each is idempotent."""
from datetime import timedelta

from django_tasks import task

from core.periodic import PeriodicTask
from plugins.petitions import services


@task()
def close_expired_petitions() -> int:
    return services.close_expired_petitions()


@task()
def purge_unconfirmed_signatures() -> int:
    return services.purge_unconfirmed_signatures()


@task()
def anonymise_old_signatures() -> int:
    return services.anonymise_old_signatures()


def periodic_tasks() -> list[PeriodicTask]:
    """What ``manage.py stent_periodic`` runs for petitions, and how often."""
    return [
        PeriodicTask(name="petitions.close_expired", task=close_expired_petitions,
                     interval=timedelta(minutes=5),
                     description="Store the closing of petitions past their deadline."),
        PeriodicTask(name="petitions.purge_unconfirmed", task=purge_unconfirmed_signatures,
                     interval=timedelta(hours=1),
                     description="Delete e-mailed signatures never confirmed in time."),
        PeriodicTask(name="petitions.anonymise_old", task=anonymise_old_signatures,
                     interval=timedelta(days=1),
                     description="Anonymise signatures of long-finished petitions."),
    ]
