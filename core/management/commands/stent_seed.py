"""manage.py stent_seed: demo content from every enabled plugin's stent_demo_data hook."""
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from core.plugins import get_manager


class Command(BaseCommand):
    help = "Seed demo content (development mode only). Running it twice creates no duplicates."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026, help="Seed of the random choices.")

    def handle(self, *args, seed, **options):
        if not settings.DEBUG:
            raise CommandError("Demo content and demo accounts are only created when DEBUG is on.")
        # Registration order (the core's apps in CORE_HOOK_MODULES order, then cms, then plugins):
        # demo content builds on what earlier parts created (members, then communities, then
        # pages linking to them). tryfirst/trylast still move an implementation to either end.
        implementations = sorted(
            get_manager().hook.stent_demo_data.get_hookimpls(),
            key=lambda impl: 0 if impl.tryfirst else 2 if impl.trylast else 1)
        progress = tqdm(implementations, desc="Seeding demo content", unit="part",
                        disable=options["verbosity"] == 0, file=self.stderr._out)
        for impl in progress:
            progress.set_postfix_str(impl.plugin_name)
            with transaction.atomic():
                impl.function(**{name: seed for name in impl.argnames})
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS("Demo content is ready."))
