"""The link that ends every e-mailed notification, one mechanism for every kind.

A kind's link comes from a template (``core.conf.frontend_link``): the Django setting or the
environment variable ``STENT_NOTIFICATION_LINK_<KIND>`` (the key in capitals, "." as "_"), else
``STENT_INVITATION_LINK`` for a kind its recipient answers (``NotificationKind.answers``), else
``STENT_NOTIFICATION_LINK``. The defaults start with ``{frontend}``, so without a front-end the
link lands on this server's pages (``core/notifications/pages.py``): an invitation's page with
its Accept and Decline buttons, any other kind's page saying what it is about. An invitation's
link carries a signed token naming the notification and its recipient, good for one purpose
and ``STENT_INVITATION_LINK_DAYS`` days.
"""
import os

from django.conf import settings
from django.core import signing
from django.utils.translation import gettext as _

from core.conf import frontend_link
from core.errors import Invalid
from core.notifications.kinds import UnknownNotificationKind, get_kind
from core.notifications.models import Notification

ANSWER_SALT = "stent.notifications.answer"


def kind_link_setting(key: str) -> str:
    """The name of the setting (and environment variable) holding one kind's link template."""
    return "STENT_NOTIFICATION_LINK_" + key.upper().replace(".", "_").replace("-", "_")


def link_template(kind) -> str:
    own = kind_link_setting(kind.key)
    if hasattr(settings, own):
        return getattr(settings, own)
    if own in os.environ:
        return os.environ[own]
    return settings.STENT_INVITATION_LINK if kind.answers else settings.STENT_NOTIFICATION_LINK


def emailed_link(notification) -> str:
    """The link the e-mail of ``notification`` ends with."""
    try:
        kind = get_kind(notification.kind)
    except UnknownNotificationKind:  # its plugin was disabled since: the general page
        kind = None
    template = link_template(kind) if kind else settings.STENT_NOTIFICATION_LINK
    token = answer_token(notification) if kind and kind.answers else ""
    return frontend_link(template, notification=notification.pk, kind=notification.kind,
                         path=notification.url, token=token)


def answer_token(notification) -> str:
    return signing.dumps({"n": str(notification.pk), "r": str(notification.recipient_id)},
                         salt=ANSWER_SALT)


def invitation_of(token: str):
    """The notification an answer token names, with its kind; ``Invalid`` for a bad, expired
    or foreign token, or a kind nobody answers (any more)."""
    invalid = Invalid("token", _("This link is invalid or has expired."))
    try:
        payload = signing.loads(token or "", salt=ANSWER_SALT,
                                max_age=settings.STENT_INVITATION_LINK_DAYS * 86400)
        notification = (Notification.objects.select_related("recipient__profile")
                        .filter(pk=payload["n"], recipient_id=payload["r"],
                                recipient__is_active=True).first())
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise invalid from None
    if notification is None:
        raise invalid
    try:
        kind = get_kind(notification.kind)
    except UnknownNotificationKind:
        raise invalid from None
    if kind.answers is None:
        raise invalid
    return notification, kind
