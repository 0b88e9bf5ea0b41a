"""Close every published petition whose deadline has passed."""
from plugins.petitions.management.task_command import TaskCommand
from plugins.petitions.tasks import close_expired_petitions


class Command(TaskCommand):
    help = __doc__
    task = close_expired_petitions
    done = "%s petition(s) closed."
