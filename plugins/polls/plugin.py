"""Hook implementations of the polls plugin: the only module the core loads."""
from datetime import timedelta

from core.hookspecs import hookimpl


@hookimpl
def stent_api_urls():
    from plugins.polls.api.urls import urlpatterns

    return urlpatterns


@hookimpl
def stent_notification_kinds():
    from plugins.polls.notifications import notification_kinds

    return notification_kinds()


@hookimpl
def stent_privacy_handlers():
    from plugins.polls.privacy import PollsPrivacyHandler

    return [PollsPrivacyHandler]


@hookimpl
def stent_search_models():
    from plugins.polls.models import Poll, Survey

    return [Poll, Survey]


@hookimpl
def stent_periodic_tasks():
    from core.periodic import PeriodicTask
    from plugins.polls.tasks import announce_closed_polls, remind_survey_drafts

    return [
        PeriodicTask(name="polls.remind_survey_drafts", task=remind_survey_drafts,
                     interval=timedelta(hours=1),
                     description="One reminder to members whose draft's survey closes soon."),
        PeriodicTask(name="polls.announce_closed_polls", task=announce_closed_polls,
                     interval=timedelta(minutes=15),
                     description="Tell authors their poll has closed."),
    ]


@hookimpl
def stent_demo_data(seed):
    from plugins.polls.demo import create_demo_content

    create_demo_content(seed)


@hookimpl
def stent_consent_purposes():
    from plugins.polls.purposes import consent_purposes

    return consent_purposes()
