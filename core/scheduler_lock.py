"""The lock that lets only one ``stent_scheduler`` run the periodic jobs at a time.

PostgreSQL: a session advisory lock on the database the jobs' bookkeeping lives in (it dies
with its connection, so a crashed scheduler never leaves it held; needs a session-mode pooler,
not PgBouncer's transaction mode). Otherwise, with ``REDIS_URL``: a Redis lock that expires, so a
killed scheduler frees it too. Otherwise (SQLite, one machine): none is needed, SQLite's
``IMMEDIATE`` transactions already serialise the schedulers' writes.
"""
import hashlib
from contextlib import contextmanager

from django.conf import settings
from django.db import connection

LOCK_NAME = "stent:scheduler"
# Longer than any tick: the Redis lock outlives a slow run_due but not a dead scheduler by long.
REDIS_LOCK_SECONDS = 300


def advisory_key(name: str) -> int:
    """A stable signed 64-bit key for ``pg_try_advisory_lock`` (Python's hash() is salted)."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


@contextmanager
def postgresql_lock(name: str):
    key = advisory_key(name)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        acquired = cursor.fetchone()[0]
    try:
        yield acquired
    finally:
        if acquired:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [key])


@contextmanager
def redis_lock(name: str):
    import redis  # only deployments with REDIS_URL need it

    lock = redis.Redis.from_url(settings.REDIS_URL).lock(name, timeout=REDIS_LOCK_SECONDS)
    acquired = lock.acquire(blocking=False)
    try:
        yield acquired
    finally:
        if acquired:
            try:
                lock.release()
            except redis.exceptions.LockNotOwnedError:
                pass  # it expired during a very slow tick; someone else may hold it now


@contextmanager
def no_lock(name: str):
    yield True


def scheduler_lock(name: str = LOCK_NAME):
    """A context manager yielding True when this process may run the jobs now, else False."""
    if connection.vendor == "postgresql":
        return postgresql_lock(name)
    if settings.REDIS_URL:
        return redis_lock(name)
    return no_lock(name)
