"""Background work (django-tasks): the periodic jobs the plugin declares."""
from django_tasks import task

from plugins.toys_donation.services import pledges


@task()
def expire_pledges() -> int:
    return pledges.expire_due()
