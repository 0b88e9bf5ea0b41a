"""The CMS's periodic jobs: Wagtail's scheduled publishing (pages and snippets whose ``go_live_at``
has passed go live, those whose ``expire_at`` has passed are unpublished) and the search index's
title-length norms."""
import io

from django.core.management import call_command
from django_tasks import task


@task()
def publish_scheduled() -> None:
    # Wagtail's own command is the one implementation of the rule; its progress lines are noise.
    call_command("publish_scheduled", stdout=io.StringIO())


@task()
def refresh_search_norms() -> None:
    """Recompute the search index's title-length norms (cms.search_backend)."""
    from wagtail.search.backends import get_search_backend

    from cms.search_backend import refresh_title_norms

    refresh_title_norms(get_search_backend())
