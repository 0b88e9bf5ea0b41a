"""Which django-tasks backend runs the slow work: ``TASKS_BACKEND`` as a short name or a path."""
from django.core.exceptions import ImproperlyConfigured

#: Short names a deployer writes in ``TASKS_BACKEND``.
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
    "rq": "django_tasks_rq.RQBackend",
}
# The database backend moved to its own package in django-tasks 0.12: the old path still appears
# in deployers' environments and would otherwise fail with "No module named".
RENAMED_BACKENDS = {
    "django_tasks.backends.database.DatabaseBackend": TASK_BACKENDS["database"],
    "django_tasks.backends.database": TASK_BACKENDS["database"],
    "django_tasks.backends.rq.RQBackend": TASK_BACKENDS["rq"],
}


def tasks_backend(value: str, *, debug: bool) -> str:
    """The backend's dotted path: immediate in development, the database queue in production."""
    value = (value or "").strip()
    if not value:
        return TASK_BACKENDS["immediate" if debug else "database"]
    if value.lower() in TASK_BACKENDS:
        return TASK_BACKENDS[value.lower()]
    if value in RENAMED_BACKENDS:
        return RENAMED_BACKENDS[value]
    if "." not in value:
        raise ImproperlyConfigured(
            f"TASKS_BACKEND={value!r} is not one of {', '.join(TASK_BACKENDS)} "
            "nor the dotted path of a django-tasks backend.")
    return value


def tasks_settings(value: str, *, debug: bool, redis_url: str) -> dict:
    """``TASKS`` (and, for RQ, ``RQ_QUEUES``) for the chosen backend."""
    backend = tasks_backend(value, debug=debug)
    settings = {"TASKS": {"default": {"BACKEND": backend}}}
    if backend == TASK_BACKENDS["rq"]:
        if not redis_url:
            raise ImproperlyConfigured(
                "TASKS_BACKEND=rq needs REDIS_URL (e.g. redis://127.0.0.1:6379/0).")
        # A failed job stays in RQ's failed registry a week for inspection and requeueing.
        settings["RQ_QUEUES"] = {"default": {"URL": redis_url, "DEFAULT_TIMEOUT": 600,
                                             "DEFAULT_FAILURE_TTL": 7 * 24 * 3600}}
        settings["RQ"] = {"JOB_CLASS": "django_tasks_rq.backend.Job"}
    return settings


def tasks_apps(backend: str) -> list[str]:
    """The Django apps a backend needs (its tables, its worker command)."""
    apps = ["django_tasks", "django_tasks_db"]  # the queue's table exists whatever the backend
    if backend == TASK_BACKENDS["rq"]:
        apps += ["django_rq", "django_tasks_rq"]
    return apps
