"""Real Stent processes (workers, schedulers, servers) started by a test against its database."""
import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager

import pytest
import redis
from django.db import connection

from tests.stent_process import ROOT, stent_env

REDIS_TEST_URL = os.environ.get("STENT_TEST_REDIS_URL", "redis://127.0.0.1:6379/14")

#: Marks of a test whose processes read the rows it committed: PostgreSQL only.
SHARED_DATABASE = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="needs PostgreSQL: another process cannot open SQLite's in-memory "
                              "test database"),
]


def with_shared_database(test):
    """Decorate one test (not its whole module) with the marks of SHARED_DATABASE."""
    for mark in SHARED_DATABASE:
        test = mark(test)
    return test


def this_test_database_url() -> str:
    """The URL of the database this test runs on (pytest-django's ``test_<name>``)."""
    db = connection.settings_dict
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def redis_unreachable_reason() -> str | None:
    try:
        redis.Redis.from_url(REDIS_TEST_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.RedisError as error:
        return f"Redis is not reachable at {REDIS_TEST_URL} ({error})"
    return None


@contextmanager
def running(*manage_args, log_dir, **env):
    """Start ``manage.py <args>`` on the test database; SIGTERM it and wait on the way out."""
    name = manage_args[0]
    log = open(log_dir / f"{name}-{time.monotonic_ns()}.log", "w+")
    process = subprocess.Popen(
        [sys.executable, "manage.py", *manage_args], cwd=ROOT, stdout=log,
        stderr=subprocess.STDOUT,
        env=stent_env(DATABASE_URL=this_test_database_url(), **env))
    try:
        yield process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        log.seek(0)
        process.output = log.read()
        log.close()


def wait_until(condition, *, timeout, interval=0.2):
    """Poll ``condition`` until it is true or ``timeout`` seconds have passed; return its value."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(interval)
