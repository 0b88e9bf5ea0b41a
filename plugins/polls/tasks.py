"""Background work (django-tasks): the periodic jobs the plugin declares."""
from django_tasks import task

from plugins.polls.services import periodic


@task()
def remind_survey_drafts() -> int:
    return periodic.remind_drafts()


@task()
def announce_closed_polls() -> int:
    return periodic.announce_closed_polls()
