"""Who hears about a petition's life, through the core notifications (never the e-mail signers)."""
from django.db import transaction
from django.utils.translation import gettext as _, gettext_lazy

KINDS = {
    "petitions.promoter_invited": gettext_lazy("You are invited to promote a petition"),
    "petitions.reviewed": gettext_lazy("Your petition was published or rejected"),
    "petitions.milestone": gettext_lazy("A petition reached a milestone"),
    "petitions.update": gettext_lazy("News of a petition you follow"),
    "petitions.outcome": gettext_lazy("A petition you follow was delivered or answered"),
}


def notification_kinds():
    from core.notifications.kinds import NotificationKind
    from plugins.petitions.invitations import ANSWERS

    # The invited member answers from the e-mailed link too (core/notifications/pages.py).
    answers = {"petitions.promoter_invited": ANSWERS}
    return [NotificationKind(key, label, answers=answers.get(key)) for key, label in KINDS.items()]


def _send(recipients, kind, petition, *, title, body=""):
    # After commit: a rolled-back signature never notifies anyone. A callable title is said in each
    # recipient's language (core.notifications.services.notify).
    def send():
        from core.notifications.services import notify

        for recipient in recipients:
            notify(recipient, kind, title=title, body=body, target=petition,
                   url=petition.get_api_url())

    transaction.on_commit(send)


def promoters_of(petition):
    from django.contrib.auth import get_user_model

    return list(get_user_model().objects.filter(
        petition_promotions__petition=petition, petition_promotions__status="accepted"))


def followers_of(petition):
    from django.contrib.auth import get_user_model

    return list(get_user_model().objects.filter(
        petitions_signature_owned__petition=petition, petitions_signature_owned__follows=True,
        petitions_signature_owned__confirmed_at__isnull=False))


def promoter_invited(petition, member):
    _send([member], "petitions.promoter_invited", petition,
          title=lambda: _("You are invited to promote “%(title)s”") % {"title": petition.title})


def reviewed(petition):
    if petition.status == "published":
        def title():
            return _("“%(title)s” is published") % {"title": petition.title}
    else:
        def title():
            return _("“%(title)s” was not published") % {"title": petition.title}
    _send(promoters_of(petition), "petitions.reviewed", petition, title=title,
          body=petition.rejection_reason)


def milestone(petition, percent):
    recipients = {user.pk: user for user in promoters_of(petition) + followers_of(petition)}
    _send(list(recipients.values()), "petitions.milestone", petition,
          title=lambda: _("“%(title)s” reached %(percent)s%% of its goal")
          % {"title": petition.title, "percent": percent})


def update_posted(update):
    _send(followers_of(update.petition), "petitions.update", update.petition,
          title=update.title, body=update.body)


def outcome(petition, title):
    _send(followers_of(petition), "petitions.outcome", petition, title=title)
