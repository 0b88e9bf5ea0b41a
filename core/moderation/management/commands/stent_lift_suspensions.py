"""manage.py stent_lift_suspensions: reactivate members whose suspension has ended (run by cron)."""
from django.core.management.base import BaseCommand

from core.moderation.sanctions import lift_expired_suspensions


class Command(BaseCommand):
    help = "Reactivate the accounts whose suspension has ended. Run it every few minutes."

    def handle(self, *args, **options):
        lifted = lift_expired_suspensions()
        if options["verbosity"]:
            self.stdout.write(f"{lifted} suspension(s) lifted.")
