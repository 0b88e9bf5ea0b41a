"""Sending notifications (the one function plugins call), reading them, e-mail preferences."""
from contextlib import contextmanager

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.errors import Invalid
from core.notifications.kinds import all_kinds, get_kind
from core.notifications.models import Notification, NotificationPreference
from core.notifications.tasks import send_notification_email


def target_is_visible_to(target, recipient) -> bool:
    """Member content (anything with ``visible_to``) must be visible to the recipient."""
    manager = type(target)._default_manager
    if hasattr(manager, "visible_to"):
        return manager.visible_to(recipient).filter(pk=target.pk).exists()
    return True


def language_of(member) -> str:
    """The language ``member`` reads: their profile's, else the site's."""
    profile = getattr(member, "profile", None)
    return getattr(profile, "language", "") or settings.LANGUAGE_CODE


@contextmanager
def in_language_of(member):
    """Build what is said to ``member`` (titles, bodies) in their preferred language."""
    with translation.override(language_of(member)):
        yield


def notify(recipient, kind, *, title, body="", target=None, url=""):
    """Tell ``recipient`` of an event: an in-app notification, and an e-mail if wanted.

    Sends nothing (returns None) when ``target`` is member content the recipient may not see,
    hidden content included: a notification never reveals what its recipient may not see.
    ``title`` and ``body`` may be callables taking no argument: they are called in the
    recipient's language, so one event told to many members speaks each one's language.
    """
    notification_kind = get_kind(kind)
    if recipient is None or not recipient.pk:
        return None
    if target is not None and not target_is_visible_to(target, recipient):
        return None
    with in_language_of(recipient):
        title = str(title() if callable(title) else title)
        body = str(body() if callable(body) else body)
    notification = Notification.objects.create(
        recipient=recipient, kind=notification_kind.key, title=title[:200], body=body,
        url=url,
        target_type=ContentType.objects.get_for_model(target) if target is not None else None,
        target_id=str(target.pk) if target is not None else "",
    )
    if email_wanted(recipient, notification_kind):
        notification_id = str(notification.pk)
        transaction.on_commit(lambda: send_notification_email.enqueue(notification_id))
    return notification


def email_wanted(member, kind) -> bool:
    if kind.security:
        return True
    choice = (NotificationPreference.objects.filter(member=member, kind=kind.key)
              .values_list("email", flat=True).first())
    return kind.email_by_default if choice is None else choice


def mark_read(notification) -> Notification:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def mark_all_read(member) -> int:
    return Notification.objects.filter(recipient=member, read_at__isnull=True).update(
        read_at=timezone.now())


def preferences_of(member) -> list[dict]:
    """Every declared kind with the member's effective e-mail choice."""
    chosen = dict(NotificationPreference.objects.filter(member=member)
                  .values_list("kind", "email"))
    return [{"kind": kind.key, "label": str(kind.label), "security": kind.security,
             "email": True if kind.security else chosen.get(kind.key, kind.email_by_default)}
            for kind in all_kinds().values()]


@transaction.atomic
def set_preferences(member, choices: list[dict]) -> list[dict]:
    """Store ``[{"kind": ..., "email": bool}]``; all or nothing."""
    kinds = all_kinds()
    errors = {}
    for choice in choices:
        kind = kinds.get(choice["kind"])
        if kind is None:
            errors[choice["kind"]] = [_("Unknown notification kind.")]
        elif kind.security and not choice["email"]:
            errors[choice["kind"]] = [_("Security notifications are always sent by e-mail.")]
    if errors:
        raise Invalid(errors)
    for choice in choices:
        NotificationPreference.objects.update_or_create(
            member=member, kind=choice["kind"], defaults={"email": choice["email"]})
    return preferences_of(member)
