"""Who hears about a listing's life, through the core notifications, after commit.

Titles never name the listing: the target check of ``notify`` keeps content from anyone who
may not see it, and a title stays vague enough to be shown on a lock screen.
"""
from django.db import transaction
from django.utils.translation import gettext_lazy

KINDS = {
    "exchange.request_received": gettext_lazy("Someone asked for or answered your listing"),
    "exchange.request_answered": gettext_lazy("Your request was accepted or declined"),
    "exchange.chosen_elsewhere": gettext_lazy("An item you asked for went to someone else"),
    "exchange.reservation_cancelled": gettext_lazy("A reservation was cancelled"),
    "exchange.handover": gettext_lazy("An item was handed over, received or returned"),
    "exchange.return_reminder": gettext_lazy("A borrowed item is due back soon"),
    "exchange.message": gettext_lazy("A new message about an exchange"),
    "exchange.thanks": gettext_lazy("Someone thanked you for an exchange"),
    "exchange.listing_expired": gettext_lazy("One of your listings expired"),
    "exchange.review_needed": gettext_lazy("A listing or conversation waits for moderation"),
}


def notification_kinds():
    from core.notifications.kinds import NotificationKind

    return [NotificationKind(key, label) for key, label in KINDS.items()]


def send(recipients, kind, title, *, target=None, url=""):
    """Notify each recipient after commit, ``title`` (a lazy string) in their language."""
    recipients = [recipient for recipient in recipients if recipient is not None]

    def deliver():
        from core.notifications.services import in_language_of, notify

        for recipient in recipients:
            with in_language_of(recipient):
                notify(recipient, kind, title=str(title), target=target, url=url)

    transaction.on_commit(deliver)
