"""How many background tasks wait for a worker, whatever the backend (None: nothing queues)."""
from django.conf import settings

from core.config.tasks import TASK_BACKENDS


def queue_depth() -> int | None:
    backend = settings.TASKS["default"]["BACKEND"]
    if backend == TASK_BACKENDS["database"]:
        from django_tasks_db.models import DBTaskResult  # read only with that backend

        return DBTaskResult.objects.ready().count()
    if backend == TASK_BACKENDS["rq"]:
        import django_rq  # installed with that backend only

        return sum(django_rq.get_queue(name).count for name in settings.RQ_QUEUES)
    return None  # the immediate backend runs a task as soon as it is enqueued
