"""Real parallel transactions for "one per member" rules: threads, each on its own connection."""
import threading

import pytest
from django.db import connection

#: Marks of a concurrency test module: real transactions, PostgreSQL only.
POSTGRESQL_ONLY = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="needs PostgreSQL: SQLite serialises every writer"),
]


def run_in_parallel(function, times):
    """Run ``function`` in ``times`` threads released together, each on its own connection."""
    barrier = threading.Barrier(times)
    outcomes = []

    def worker():
        from django.db import connection as thread_connection

        try:
            barrier.wait()
            outcomes.append(function())
        except Exception as error:  # collected for the test to inspect
            outcomes.append(error)
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=worker) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def postgresql_only(test):
    """Decorate one test (not its whole module) with the marks of POSTGRESQL_ONLY."""
    for mark in (pytest.mark.postgres, *POSTGRESQL_ONLY):
        test = mark(test)
    return test
