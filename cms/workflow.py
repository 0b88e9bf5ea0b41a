"""The editorial workflow: editors submit, a medical reviewer approves, then the page goes live."""
from django.utils.translation import gettext_lazy as _

#: the Wagtail group whose members (verified health professionals) approve information pages
MEDICAL_REVIEWERS_GROUP = "Medical reviewers"
MEDICAL_REVIEW_WORKFLOW = "Medical review"
MEDICAL_REVIEW_TASK = "Medical reviewer approval"

# Names shown in the admin; the stored names above stay in English so lookups are stable.
_LABELS = (_("Medical reviewers"), _("Medical review"), _("Medical reviewer approval"))
