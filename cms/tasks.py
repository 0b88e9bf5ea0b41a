"""Wagtail's scheduled publishing as a periodic job: pages (and snippets) whose ``go_live_at`` has
passed go live, those whose ``expire_at`` has passed are unpublished."""
import io

from django.core.management import call_command
from django_tasks import task


@task()
def publish_scheduled() -> None:
    # Wagtail's own command is the one implementation of the rule; its progress lines are noise.
    call_command("publish_scheduled", stdout=io.StringIO())
