"""The scheduler lock: held by one process at a time, on PostgreSQL and on Redis."""
import threading

import pytest
import redis
from django.db import connection
from django.test import override_settings

from core.scheduler_lock import advisory_key, redis_lock, scheduler_lock
from tests.concurrency import postgresql_only
from tests.core.runtime.processes import REDIS_TEST_URL, redis_unreachable_reason


def in_another_connection(function):
    """Run ``function`` in a thread, hence on its own database connection; return its result."""
    result = []

    def run():
        from django.db import connection as own_connection

        try:
            result.append(function())
        finally:
            own_connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return result[0]


def try_lock():
    with scheduler_lock("stent:test") as acquired:
        return acquired


@postgresql_only
def test_the_postgresql_lock_is_held_by_one_connection_at_a_time():
    with scheduler_lock("stent:test") as acquired:
        assert acquired
        assert in_another_connection(try_lock) is False
    assert in_another_connection(try_lock) is True  # released on the way out
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")
        assert cursor.fetchone()[0] == 0


def test_the_redis_lock_is_held_by_one_process_at_a_time():
    reason = redis_unreachable_reason()
    if reason:
        pytest.skip(reason)
    redis.Redis.from_url(REDIS_TEST_URL).delete("stent:test")
    with override_settings(REDIS_URL=REDIS_TEST_URL):
        with redis_lock("stent:test") as first:
            with redis_lock("stent:test") as second:
                assert (first, second) == (True, False)
        with redis_lock("stent:test") as again:
            assert again


def test_advisory_keys_are_stable_signed_64_bit_integers():
    assert advisory_key("stent:scheduler") == advisory_key("stent:scheduler")
    assert -(2 ** 63) <= advisory_key("stent:scheduler") < 2 ** 63
    assert advisory_key("stent:scheduler") != advisory_key("stent:other")
