"""The core app: management commands, the plugin manager built once apps are ready, and the
log line of every failed background task."""
from django.apps import AppConfig
from django_tasks.signals import task_finished

from core.observability.task_failures import log_failed_task
from core.plugins import get_manager


class CoreConfig(AppConfig):
    name = "core"
    label = "core"
    verbose_name = "Stent core"

    def ready(self):
        get_manager()
        task_finished.connect(log_failed_task, dispatch_uid="stent.log_failed_task")
