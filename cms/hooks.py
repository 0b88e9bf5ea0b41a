"""The CMS's implementations of the core hooks: its PrivacyHandler, its demo content and
Wagtail's scheduled publishing as a periodic job."""
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

    from cms.tasks import publish_scheduled
    from core.periodic import PeriodicTask

    return [PeriodicTask(
        name="cms.publish_scheduled", task=publish_scheduled, interval=timedelta(minutes=1),
        description="Publish pages whose go-live time has come; unpublish expired ones.")]
