"""Background work of the API foundation: forgetting expired idempotency keys."""
from django_tasks import task

from core.api.idempotency import purge_expired


@task()
def purge_idempotency_records() -> int:
    """Delete the idempotency records older than ``STENT_IDEMPOTENCY_HOURS``."""
    return purge_expired()
