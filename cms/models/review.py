"""The medical review task: a group approval that needs four eyes.

Wagtail's group approval lets a member of the reviewers' group approve any page in review,
their own included; a person who is both a community editor and a medical reviewer could
then publish health information nobody else read. This task refuses the approval (and the
request for changes) to whoever wrote the revision under review or submitted it.
"""
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, TaskState


def _authors(task_state) -> set:
    """The people who may not review this task state: the revision's author, the submitter."""
    ids = {getattr(task_state.revision, "user_id", None),
           task_state.workflow_state.requested_by_id}
    return {user_id for user_id in ids if user_id is not None}


class MedicalReviewTask(AbstractGroupApprovalTask):
    """Approval by a member of the medical reviewers' group other than the page's author."""

    def _current_task_state(self, obj):
        return (TaskState.objects.for_instance(obj).filter(
            task=self, status=TaskState.STATUS_IN_PROGRESS)
            .select_related("revision", "workflow_state").first())

    def get_actions(self, obj, user):
        task_state = self._current_task_state(obj)
        if task_state is not None and user.pk in _authors(task_state):
            return []
        return super().get_actions(obj, user)

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name in ("approve", "reject") and user.pk in _authors(task_state):
            raise PermissionDenied(_("A page is reviewed by someone other than its author."))
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        return super().get_task_states_user_can_moderate(user, **kwargs).exclude(
            Q(revision__user=user) | Q(workflow_state__requested_by=user))

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups approve, but never a page they wrote or "
                 "submitted themselves.")

    class Meta:
        verbose_name = _("medical review task")
        verbose_name_plural = _("medical review tasks")
