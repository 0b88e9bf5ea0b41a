"""Hook implementations of the agenda plugin: the only module the core loads."""
from core.hookspecs import hookimpl


@hookimpl
def stent_api_urls():
    from plugins.agenda.api.urls import urlpatterns

    return urlpatterns


@hookimpl
def stent_notification_kinds():
    from plugins.agenda.notifications import notification_kinds

    return notification_kinds()


@hookimpl
def stent_search_models():
    from plugins.agenda.models import Event, Venue

    return [Event, Venue]


@hookimpl
def stent_privacy_handlers():
    from plugins.agenda.privacy import AgendaPrivacyHandler

    return [AgendaPrivacyHandler]


@hookimpl
def stent_periodic_tasks():
    from plugins.agenda.tasks import periodic_tasks

    return periodic_tasks()


@hookimpl
def stent_demo_data(seed):
    from plugins.agenda.demo import create_demo_agenda

    create_demo_agenda(seed)


@hookimpl
def stent_consent_purposes():
    from plugins.agenda.purposes import consent_purposes

    return consent_purposes()
