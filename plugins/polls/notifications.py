"""Who hears about polls and surveys: authors when a poll closes, members with a draft."""
from django.db import transaction
from django.utils.translation import gettext as _, gettext_lazy

POLL_CLOSED = "polls.poll_closed"
SURVEY_REMINDER = "polls.survey_reminder"

KINDS = {
    POLL_CLOSED: gettext_lazy("A poll you wrote has closed"),
    SURVEY_REMINDER: gettext_lazy("A survey you started closes soon"),
}


def notification_kinds():
    from core.notifications.kinds import NotificationKind

    return [NotificationKind(key, label) for key, label in KINDS.items()]


def _send(recipient, kind, target, title_of):
    # After commit, in the recipient's language; never sent if they cannot see the target.
    def send():
        from core.notifications.services import in_language_of, notify

        with in_language_of(recipient):
            title = title_of(target)
        notify(recipient, kind, title=title, target=target, url=target.get_api_url())

    transaction.on_commit(send)


def poll_closed(poll):
    if poll.owner is not None:
        _send(poll.owner, POLL_CLOSED, poll,
              lambda p: _("Your poll “%(question)s” has closed: see its results.")
              % {"question": p.question})


def survey_reminder(response):
    _send(response.owner, SURVEY_REMINDER, response.survey,
          lambda s: _("“%(title)s” closes soon: your draft is waiting for you.")
          % {"title": s.title})
