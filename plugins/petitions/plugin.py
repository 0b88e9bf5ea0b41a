"""Hook implementations of the petitions plugin: the only module the core loads."""
from core.hookspecs import hookimpl


@hookimpl
def stent_api_urls():
    from plugins.petitions.api.urls import urlpatterns

    return urlpatterns


@hookimpl
def stent_notification_kinds():
    from plugins.petitions.notifications import notification_kinds

    return notification_kinds()


@hookimpl
def stent_privacy_handlers():
    from plugins.petitions.privacy import PetitionsPrivacyHandler

    return [PetitionsPrivacyHandler]


@hookimpl
def stent_search_models():
    from plugins.petitions.models import Petition

    return [Petition]


@hookimpl
def stent_demo_data(seed):
    from plugins.petitions.demo import create_demo_petitions

    create_demo_petitions(seed)


@hookimpl
def stent_periodic_tasks():
    from plugins.petitions.tasks import periodic_tasks

    return periodic_tasks()
