"""Anonymise the signatures of petitions closed longer than PETITIONS_ANONYMISE_AFTER_DAYS."""
from plugins.petitions.management.task_command import TaskCommand
from plugins.petitions.tasks import anonymise_old_signatures


class Command(TaskCommand):
    help = __doc__
    task = anonymise_old_signatures
    done = "%s signature(s) anonymised."
