"""manage.py stent_welcome: where to find the API, its docs, the admin, and the demo logins."""
from django.conf import settings
from django.core.management.base import BaseCommand

from core.identity.demo import demo_logins


class Command(BaseCommand):
    help = "Print the URLs of a running development server and the demo logins."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", default="http://127.0.0.1:8000")

    def handle(self, *args, base_url, **options):
        base = base_url.rstrip("/")
        lines = [
            "",
            "Stent is starting:",
            f"  API           {base}/api/v1/",
            f"  API docs      {base}/api/v1/docs/",
            f"  OpenAPI       {base}/api/v1/schema/",
            f"  Wagtail admin {base}/admin/",
            f"  Health        {base}/healthz",
        ]
        if settings.DEBUG:
            lines += [
                "Demo logins (development only):",
                f"  administrator         {settings.STENT_DEMO_ADMIN_EMAIL} / {settings.STENT_DEMO_PASSWORD}",
            ]
            lines += [f"  {line}" for line in demo_logins()]
        self.stdout.write("\n".join(lines) + "\n")
