"""Delete e-mailed signatures left unconfirmed past their expiry (never counted)."""
from plugins.petitions.management.task_command import TaskCommand
from plugins.petitions.tasks import purge_unconfirmed_signatures


class Command(TaskCommand):
    help = __doc__
    task = purge_unconfirmed_signatures
    done = "%s unconfirmed signature(s) deleted."
