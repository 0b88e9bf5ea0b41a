"""manage.py stent_periodic: enqueue the periodic jobs that are due (run it from cron)."""
from django.core.management.base import BaseCommand, CommandError

from core.periodic import periodic_tasks, run_due, run_now, schedule


class Command(BaseCommand):
    help = ("Enqueue the periodic jobs (stent_periodic_tasks) whose interval has passed. "
            "Run it every minute from cron, or let the scheduler call it.")

    def add_arguments(self, parser):
        parser.add_argument("--list", action="store_true", dest="list_jobs",
                            help="List the jobs, their interval, last run and next due time.")
        parser.add_argument("--force", metavar="NAME",
                            help="Enqueue this job now, whether it is due or not.")

    def handle(self, *args, list_jobs=False, force=None, **options):
        if list_jobs:
            for row in schedule():
                last = row["last_run_at"].isoformat() if row["last_run_at"] else "never"
                self.stdout.write(f"{row['name']:<40} every {row['interval']}  last: {last}  "
                                  f"next: {row['next_due_at'].isoformat()}  {row['description']}")
            return
        if force:
            try:
                run_now(force)
            except KeyError:
                names = ", ".join(sorted(periodic_tasks())) or "(none)"
                raise CommandError(f"No periodic task is named {force!r}. Known: {names}.")
            self.stdout.write(f"Enqueued {force}.")
            return
        enqueued = run_due()
        self.stdout.write(f"Enqueued {', '.join(enqueued)}." if enqueued else "Nothing is due.")
