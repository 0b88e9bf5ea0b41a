"""Background work (django-tasks): closing at the deadline, expiry and anonymisation."""
from django_tasks import task

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
