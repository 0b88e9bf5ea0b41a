"""Periodic jobs: what plugins declare through ``stent_periodic_tasks``, enqueued when due.

Closing, expiry, reminders and clean-ups are django-tasks tasks run on an interval; the plugins
return ``PeriodicTask`` objects and ``manage.py stent_periodic`` (or the scheduler loop) calls
``run_due``, which enqueues those that are due (as pretix's ``runperiodic``). A task must be
idempotent: running it twice does no harm. Each job's last run is a ``PeriodicRun`` row, read
and moved under ``select_for_update``: two callers never enqueue the same job twice in one
interval. The task is enqueued once that row's change has committed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone

from core.api.models import PeriodicRun
from core.plugins import collect


@dataclass(frozen=True)
class PeriodicTask:
    """One job: ``task`` is a django-tasks ``Task`` taking no arguments but ``kwargs``."""

    name: str  # unique site-wide, "<plugin label>.<job>", e.g. "petitions.close_expired"
    task: object
    interval: timedelta
    kwargs: dict = field(default_factory=dict)
    description: str = ""


def periodic_tasks() -> dict[str, PeriodicTask]:
    """Every enabled plugin's (and the core's) jobs, by name; two jobs of one name are an error."""
    jobs: dict[str, PeriodicTask] = {}
    for job in collect("stent_periodic_tasks"):
        if not isinstance(job, PeriodicTask):
            raise ImproperlyConfigured(
                f"stent_periodic_tasks must return PeriodicTask objects, not {job!r}.")
        if job.name in jobs:
            raise ImproperlyConfigured(
                f"Two periodic tasks are named {job.name!r}: names must be unique site-wide "
                f"(\"<plugin label>.<job>\").")
        jobs[job.name] = job
    return jobs


def _claim(job: PeriodicTask, now: datetime, force: bool) -> bool:
    """Mark ``job`` as run at ``now`` if it is due (or forced); True if this caller did."""
    # A job never seen is due at once; get_or_create settles two callers creating the row.
    PeriodicRun.objects.get_or_create(name=job.name,
                                      defaults={"last_run_at": now - job.interval})
    with transaction.atomic():
        run = PeriodicRun.objects.select_for_update().get(name=job.name)
        if not force and run.last_run_at + job.interval > now:
            return False
        run.last_run_at = now
        run.save(update_fields=["last_run_at"])
        transaction.on_commit(lambda: job.task.enqueue(**job.kwargs))
    return True


def run_due(now: datetime | None = None) -> list[str]:
    """Enqueue every job whose interval has passed since its last run; return their names."""
    now = now or timezone.now()
    return [name for name, job in periodic_tasks().items() if _claim(job, now, force=False)]


def run_now(name: str, now: datetime | None = None) -> None:
    """Enqueue one job by name whether due or not (``stent_periodic --force NAME``)."""
    jobs = periodic_tasks()
    if name not in jobs:
        raise KeyError(name)
    _claim(jobs[name], now or timezone.now(), force=True)


def schedule(now: datetime | None = None) -> list[dict]:
    """Each job with its interval, last run and next due time (``stent_periodic --list``)."""
    now = now or timezone.now()
    last_runs = dict(PeriodicRun.objects.values_list("name", "last_run_at"))
    rows = []
    for name, job in sorted(periodic_tasks().items()):
        last = last_runs.get(name)
        rows.append({"name": name, "interval": job.interval, "last_run_at": last,
                     "next_due_at": (last + job.interval) if last else now,
                     "description": job.description})
    return rows
