"""The CMS's implementations of the core hooks: its PrivacyHandler, its demo content and
its periodic jobs (scheduled publishing, search norms)."""
from core.hookspecs import hookimpl


@hookimpl
def stent_privacy_handlers():
    from cms.privacy import CmsPrivacyHandler

    return [CmsPrivacyHandler]


@hookimpl
def stent_demo_data(seed):
    from cms.demo import create_demo_pages

    create_demo_pages(seed)


@hookimpl
def stent_periodic_tasks():
    from datetime import timedelta

    from cms.tasks import publish_scheduled, refresh_search_norms
    from core.periodic import PeriodicTask

    return [
        PeriodicTask(
            name="cms.publish_scheduled", task=publish_scheduled, interval=timedelta(minutes=1),
            description="Publish pages whose go-live time has come; unpublish expired ones."),
        PeriodicTask(
            name="cms.refresh_search_norms", task=refresh_search_norms,
            interval=timedelta(days=1),
            description="Recompute the search index's title-length norms (PostgreSQL)."),
    ]
