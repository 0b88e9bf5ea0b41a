"""Periodic jobs: what plugins declare through ``stent_periodic_tasks``, collected in one list.

Closing, expiry, reminders and clean-ups are django-tasks tasks run on an interval; the plugins
return ``PeriodicTask`` objects and ``manage.py stent_periodic`` enqueues those that are due
(as pretix's ``runperiodic``). A task must be idempotent: running it twice does no harm.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta


@dataclass(frozen=True)
class PeriodicTask:
    """One job: ``task`` is a django-tasks ``Task`` taking no arguments but ``kwargs``."""

    name: str  # unique site-wide, "<plugin label>.<job>", e.g. "petitions.close_expired"
    task: object
    interval: timedelta
    kwargs: dict = field(default_factory=dict)
    description: str = ""
