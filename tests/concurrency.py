"""Real parallel transactions for "one per member" rules (PostgreSQL; SQLite serialises writers)."""
import threading

import pytest
from django.db import connection

#: Marks a test module as needing real parallel transactions.
postgresql_only = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="needs PostgreSQL: SQLite serialises every writer"),
]


def run_in_parallel(function, times):
    """Run ``function`` in ``times`` threads released together, each on its own connection.

    Returns what each call returned or raised, for the test to inspect.
    """
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
