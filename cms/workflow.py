"""The editorial workflow: editors submit, a medical reviewer approves, then the page goes live."""
from django.utils.translation import gettext_lazy as _

#: the Wagtail group whose members (verified health professionals) approve information pages
MEDICAL_REVIEWERS_GROUP = "Medical reviewers"
MEDICAL_REVIEW_WORKFLOW = "Medical review"
MEDICAL_REVIEW_TASK = "Medical reviewer approval"

# Names shown in the admin; the stored names above stay in English so lookups are stable.
_LABELS = (_("Medical reviewers"), _("Medical review"), _("Medical reviewer approval"))


def publish_approved_revision(workflow_state, user=None):
    """WAGTAIL_FINISH_WORKFLOW_ACTION: publish the page once every task of its workflow approved.

    The approval is the authority to publish: reviewers hold no publish permission of their own,
    which would let them put a page live without any review. Wagtail only calls this from
    ``WorkflowState.finish``, after the last task was approved.
    """
    workflow_state.content_object.get_latest_revision().publish(
        user=user, skip_permission_checks=True)
