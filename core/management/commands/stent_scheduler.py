"""``manage.py stent_scheduler``: run the periodic jobs every minute, for deployments without cron.

A loop around ``core.periodic.run_due`` (what ``stent_periodic`` runs once). Each tick takes the
scheduler lock, so two schedulers (a second one standing by, or two started by mistake) never
run a job twice; SIGTERM or SIGINT stops the loop between ticks.
"""
import logging
import signal
import threading
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from core.scheduler_lock import scheduler_lock

logger = logging.getLogger("stent.scheduler")


class Command(BaseCommand):
    help = "Run the periodic jobs (stent_periodic_tasks) every minute until stopped."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=60.0,
                            help="Seconds between two runs (default: 60).")
        parser.add_argument("--once", action="store_true", help="Run once, then exit.")

    def handle(self, *args, interval, once, **options):
        self.stopping = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, self.stop)
        logger.info("Scheduler started (every %s s).", interval)
        while not self.stopping.is_set():
            started = time.monotonic()
            self.tick()
            if once:
                break
            # Ticks keep their rhythm whatever a run took; the wait ends at once on SIGTERM.
            self.stopping.wait(max(0.0, interval - (time.monotonic() - started)))
        logger.info("Scheduler stopped.")

    def stop(self, signum, frame):
        logger.info("Scheduler stopping (%s).", signal.Signals(signum).name)
        self.stopping.set()

    def tick(self):
        from core.periodic import run_due  # after the apps are ready

        close_old_connections()  # a connection the database dropped is replaced, not reused
        try:
            with scheduler_lock() as acquired:
                if not acquired:
                    logger.debug("Another scheduler holds the lock; skipping this run.")
                    return
                names = run_due()
        except Exception:  # a database blip must not end the loop: the next tick retries
            logger.exception("Periodic jobs could not be run.")
            return
        if names:
            logger.info("Enqueued periodic jobs: %s", ", ".join(names), extra={"jobs": names})
