"""Who hears about toy donations: registrants, ward managers, donors. Titles never name a donor
who did not agree to be seen, nor anything the recipient may not see."""
from django.db import transaction
from django.utils.translation import gettext as _, gettext_lazy

INSTITUTION_VERIFIED = "toys_donation.institution_verified"
NEW_PLEDGE = "toys_donation.new_pledge"
PLEDGE_RECEIVED = "toys_donation.pledge_received"
PLEDGE_EXPIRED = "toys_donation.pledge_expired"
THANKS_PUBLISHED = "toys_donation.thanks_published"

KINDS = {
    INSTITUTION_VERIFIED: gettext_lazy("An institution you registered was verified"),
    NEW_PLEDGE: gettext_lazy("A donor pledged toys to a ward you manage"),
    PLEDGE_RECEIVED: gettext_lazy("A ward received your toys"),
    PLEDGE_EXPIRED: gettext_lazy("A pledge of yours expired"),
    THANKS_PUBLISHED: gettext_lazy("A ward you gave to published a thank-you"),
}


def notification_kinds():
    from core.notifications.kinds import NotificationKind

    return [NotificationKind(key, label) for key, label in KINDS.items()]


def _send(recipient, kind, title_of, *, body_of=None, target=None, url=""):
    # After commit, in the recipient's language.
    def send():
        from core.notifications.services import in_language_of, notify

        with in_language_of(recipient):
            title = title_of()
            body = body_of() if body_of else ""
        notify(recipient, kind, title=title, body=body, target=target, url=url)

    transaction.on_commit(send)


def institution_verified(institution):
    if institution.owner is not None:
        _send(institution.owner, INSTITUTION_VERIFIED,
              lambda: _("“%(name)s” is verified: donors can now see its wards.")
              % {"name": institution.name},
              target=institution, url=institution.get_api_url())


def new_pledge(pledge):
    item = pledge.item
    for manager in item.ward.managers.all():
        _send(manager, NEW_PLEDGE,
              lambda: _("%(count)d × “%(item)s” pledged for %(ward)s.")
              % {"count": pledge.quantity, "item": item.title, "ward": item.ward.name},
              url=f"{item.ward.get_api_url()}pledges/")


def pledge_received(pledge, thanks: str):
    if pledge.owner is not None:
        ward = pledge.item.ward
        _send(pledge.owner, PLEDGE_RECEIVED,
              lambda: _("%(ward)s received your “%(item)s”: thank you!")
              % {"ward": ward.name, "item": pledge.item.title},
              body_of=lambda: thanks, url=f"/api/v1/toys_donation/pledges/{pledge.pk}/")


def pledge_expired(pledge):
    if pledge.owner is not None:
        _send(pledge.owner, PLEDGE_EXPIRED,
              lambda: _("Your pledge of “%(item)s” expired: it was not sent in time.")
              % {"item": pledge.item.title}, url=f"/api/v1/toys_donation/pledges/{pledge.pk}/")


def thanks_published(update, donors):
    for donor in donors:
        _send(donor, THANKS_PUBLISHED,
              lambda: _("%(ward)s thanks its donors.") % {"ward": update.ward.name},
              url=f"/api/v1/toys_donation/thanks/{update.pk}/")
