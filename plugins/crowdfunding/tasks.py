"""Background work (django-tasks): ending campaigns once their grace period is over."""
from django_tasks import task

from plugins.crowdfunding.services.ending import end_due_campaigns


@task()
def end_due_campaigns_task() -> int:
    return end_due_campaigns()
