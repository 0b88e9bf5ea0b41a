"""Notification kinds: what plugins declare through the ``stent_notification_kinds`` hook."""
from collections.abc import Callable
from dataclasses import dataclass

from core.plugins import collect


@dataclass(frozen=True)
class Answers:
    """How the recipient of an invitation answers it from its e-mailed link (no front-end
    needed: ``core/notifications/pages.py``), through the services the API calls.

    Each function takes the notification (its ``recipient`` and ``target`` name the invitation)
    and runs in the recipient's language. ``describe`` says who invites them to what (nothing
    the notification does not already show them) and raises a domain error once the invitation
    is answered (``Conflict``) or gone (``NotFound``); ``accept`` and ``decline`` perform the
    answer and return the sentence shown on the page.
    """

    describe: Callable
    accept: Callable
    decline: Callable


@dataclass(frozen=True)
class NotificationKind:
    """One kind of event a member may be told of, and whether it is e-mailed by default.

    Security kinds (a suspension, a sign-in from a new device...) are always e-mailed: a member
    cannot turn them off. A kind whose recipient accepts or declines something (an invitation)
    names its ``answers``: its e-mailed link then lands on a page with both buttons. Every
    other kind's link lands on a page saying what it is about and where to see it.
    """

    key: str
    label: str
    email_by_default: bool = False
    security: bool = False
    answers: Answers | None = None


class UnknownNotificationKind(LookupError):
    """A sender used a kind that no enabled plugin declares (a programming error)."""


def all_kinds() -> dict[str, NotificationKind]:
    """Every kind declared by the core and the enabled plugins, by key, in declaration order."""
    return {kind.key: kind for kind in collect("stent_notification_kinds")}


def get_kind(key: str) -> NotificationKind:
    try:
        return all_kinds()[key]
    except KeyError:
        raise UnknownNotificationKind(
            f"No enabled plugin declares the notification kind {key!r}.") from None
