"""manage.py stent_plugins: the available plugins, which are enabled, their versions."""
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "List available Stent plugins with version, description and whether they are enabled."

    def handle(self, *args, **options):
        enabled = {spec.label for spec in settings.STENT_ENABLED_PLUGINS}
        available = settings.STENT_AVAILABLE_PLUGINS
        self.stdout.write(f"{'plugin':<16} {'enabled':<8} {'version':<9} description")
        for label, spec in available.items():
            config = spec.config
            mark = "yes" if label in enabled else "no"
            line = f"{label:<16} {mark:<8} {config.version:<9} {config.description}"
            self.stdout.write(line)
        self.stdout.write(
            f"\nEnabled: {', '.join(s.label for s in settings.STENT_ENABLED_PLUGINS) or '(none)'}"
        )
