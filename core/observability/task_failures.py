"""A failed background task is logged with its name, its result id and its arguments' ids.

Tasks take ids, never personal data, as arguments; anything else is replaced by its type so that
an e-mail address passed by mistake never reaches the logs.
"""
import logging
import uuid

from django_tasks.base import TaskResultStatus

logger = logging.getLogger("stent.tasks")


def loggable(value):
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, str):
        try:
            return str(uuid.UUID(value))
        except ValueError:
            return "<str>"
    return f"<{type(value).__name__}>"


def log_failed_task(sender, task_result, **kwargs):
    """Receiver of django-tasks' ``task_finished``: only failures are worth a line."""
    if task_result.status != TaskResultStatus.FAILED:
        return
    errors = getattr(task_result, "errors", None) or []
    logger.error(
        "Task %s failed (result %s)", task_result.task.module_path, task_result.id,
        extra={"task": task_result.task.module_path, "task_result_id": str(task_result.id),
               "task_args": [loggable(value) for value in task_result.args],
               "task_kwargs": {key: loggable(value) for key, value in task_result.kwargs.items()},
               "error": errors[-1].exception_class_path if errors else None})
