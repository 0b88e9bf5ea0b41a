"""A management command that runs one of the plugin's tasks, now or through the task backend."""
from django.core.management.base import BaseCommand


class TaskCommand(BaseCommand):
    """Runs ``task`` at once (cron), or enqueues it with ``--enqueue`` (a worker runs it)."""

    task = None
    done = "%s"

    def add_arguments(self, parser):
        parser.add_argument("--enqueue", action="store_true",
                            help="Hand the work to the django-tasks backend instead.")

    def handle(self, *args, enqueue=False, **options):
        if enqueue:
            result = self.task.enqueue()
            self.stdout.write(f"Enqueued {self.task.module_path} ({result.id}).")
        else:
            self.stdout.write(self.done % self.task.call())
