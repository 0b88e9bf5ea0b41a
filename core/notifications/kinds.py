"""Notification kinds: what plugins declare through the ``stent_notification_kinds`` hook."""
from dataclasses import dataclass

from core.plugins import collect


@dataclass(frozen=True)
class NotificationKind:
    """One kind of event a member may be told of, and whether it is e-mailed by default.

    Security kinds (a suspension, a sign-in from a new device...) are always e-mailed: a member
    cannot turn them off.
    """

    key: str
    label: str
    email_by_default: bool = False
    security: bool = False


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
