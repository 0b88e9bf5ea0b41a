"""The pages an e-mailed notification's link lands on while no front-end is configured.

An invitation (a kind naming ``answers``) lands on a page saying who invites the reader to what,
with Accept and Decline buttons whose POST answers through the kind's functions, the services
the API calls; a GET answers nothing. Any other kind lands on a page saying what the
notification is about and how to see it. Both speak the recipient's language.
"""
from django.conf import settings
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.api.landing import LandingChoice, landing_view
from core.errors import NotFound
from core.notifications.kinds import UnknownNotificationKind, get_kind
from core.notifications.links import invitation_of
from core.notifications.models import Notification
from core.notifications.services import in_language_of, language_of


def describe_notification(notification_id) -> dict:
    notification = (Notification.objects.select_related("recipient__profile")
                    .filter(pk=notification_id).first())
    if notification is None:
        raise NotFound(_("This notification no longer exists."))
    with in_language_of(notification.recipient):
        try:
            about = str(get_kind(notification.kind).label)
        except UnknownNotificationKind:
            about = _("A notification")
        explanation = _("%(site)s told you of something new by e-mail. To see it, sign in to "
                        "%(site)s with the app (or the site you use it on): it is waiting "
                        "among your notifications.") % {"site": settings.WAGTAIL_SITE_NAME}
    return {"title": about, "explanation": explanation,
            "language": language_of(notification.recipient)}


def describe_invitation(token: str) -> dict:
    notification, kind = invitation_of(token)
    language = language_of(notification.recipient)
    with in_language_of(notification.recipient):
        explanation = kind.answers.describe(notification)
    return {"title": kind.label, "explanation": explanation, "language": language}


def answer_invitation(token: str, choice: str) -> str:
    notification, kind = invitation_of(token)
    with in_language_of(notification.recipient):
        kind.answers.describe(notification)  # answered or gone: its Conflict or NotFound
        answer = kind.answers.accept if choice == "accept" else kind.answers.decline
        return answer(notification)


notification_page = landing_view(title=gettext_lazy("A notification"),
                                 describe=describe_notification, parameter="notification")

invitation_page = landing_view(
    title=gettext_lazy("An invitation"), describe=describe_invitation, perform=answer_invitation,
    choices=[LandingChoice("accept", gettext_lazy("Accept")),
             LandingChoice("decline", gettext_lazy("Decline"))])

urlpatterns = [
    path("notifications/answer/", invitation_page, name="notification-answer-page"),
    path("notifications/<uuid:notification>/", notification_page, name="notification-page"),
]
