"""Who hears about a campaign's life, through the core notifications, after commit."""
from django.db import transaction
from django.utils.translation import gettext as _, gettext_lazy

KINDS = {
    "crowdfunding.reviewed": gettext_lazy("Your campaign was approved or rejected"),
    "crowdfunding.ended": gettext_lazy("A campaign you backed ended"),
    "crowdfunding.update": gettext_lazy("News of a campaign you backed"),
}


def notification_kinds():
    from core.notifications.kinds import NotificationKind

    return [NotificationKind(key, label) for key, label in KINDS.items()]


def _send(recipients, kind, campaign, title_of, body_of=lambda: ""):
    # After commit: a rolled-back change never notifies anyone. Each title is built in the
    # recipient's language.
    def send():
        from core.notifications.services import in_language_of, notify

        for recipient in recipients:
            with in_language_of(recipient):
                notify(recipient, kind, title=title_of(), body=body_of(), target=campaign,
                       url=campaign.get_api_url())

    transaction.on_commit(send)


def reviewed(campaign):
    def title():
        if campaign.status == "live":
            return _("“%(title)s” is approved") % {"title": campaign.title}
        return _("“%(title)s” was not approved") % {"title": campaign.title}

    if campaign.owner_id:
        _send([campaign.owner], "crowdfunding.reviewed", campaign, title,
              lambda: campaign.rejection_reason)


def campaign_ended(campaign, backers, *, refunded: bool):
    def title():
        if campaign.status == "successful":
            return _("“%(title)s” reached its goal: thank you!") % {"title": campaign.title}
        if refunded:
            return _("“%(title)s” did not reach its goal: your pledge is refunded") % {
                "title": campaign.title}
        return _("“%(title)s” has ended") % {"title": campaign.title}

    _send(backers, "crowdfunding.ended", campaign, title)


def update_posted(update, backers):
    _send(backers, "crowdfunding.update", update.campaign, lambda: update.title,
          lambda: update.body)
