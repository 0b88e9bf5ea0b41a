"""Tells a member the outcome of their verification request (in-app, and always by e-mail)."""
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.notifications.kinds import NotificationKind
from core.notifications.services import in_language_of, notify

VERIFICATION_OUTCOME = "identity.verification"

#: Security-like: the member must learn the outcome, so it is e-mailed and cannot be turned off.
KINDS = [NotificationKind(VERIFICATION_OUTCOME,
                          gettext_lazy("The outcome of your professional verification"),
                          email_by_default=True, security=True)]


def tell_verification_outcome(request) -> None:
    member = request.member
    with in_language_of(member):
        if request.state == request.State.APPROVED:
            title = _("Your professional status is verified")
            body = _("A moderator checked your registry number: your profile now shows the "
                     "verified badge.")
        else:
            title = _("Your verification request was not accepted")
            body = _("A moderator could not verify your professional status. Reason: %(reason)s"
                     ) % {"reason": request.reason}
        notify(member, VERIFICATION_OUTCOME, title=title, body=body, url="/me/")
