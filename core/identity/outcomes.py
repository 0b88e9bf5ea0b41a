"""Tells a member the outcome of their verification request.

Sent through Django's mail directly until core.notifications lands; then this becomes one call
to ``core.notifications.services.notify(member, "identity.verification", ...)``.
"""
from django.conf import settings
from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext as _


def tell_verification_outcome(request) -> None:
    member = request.member
    with translation.override(member.profile.language):
        if request.state == request.State.APPROVED:
            subject = _("Your professional status is verified")
            body = _("A moderator checked your registry number: your profile now shows the "
                     "verified badge.")
        else:
            subject = _("Your verification request was not accepted")
            body = _("A moderator could not verify your professional status. Reason: %(reason)s"
                     ) % {"reason": request.reason}
        send_mail(f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}", body, None, [member.email])
