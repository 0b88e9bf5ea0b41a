"""A place offered from the waiting list, taken or given up from its e-mailed link: the
notification names the event and the member; the answer goes through the services the API
calls (taking the place, cancelling the registration)."""
from django.utils.translation import gettext as _

from core.errors import Conflict
from core.notifications.kinds import Answers
from plugins.agenda import notifications, queries
from plugins.agenda.models.registrations import RegistrationStatus
from plugins.agenda.services.registrations import cancel_registration, confirm_offer


def _offer_notified(notification):
    event = queries.event_for(notification.recipient, notification.target_id)
    registration = queries.registration_of(event, notification.recipient)
    if registration is None or registration.status != RegistrationStatus.OFFERED:
        raise Conflict(_("No place is offered to you for this event."))
    return event, registration


def describe(notification) -> str:
    event, registration = _offer_notified(notification)
    return _("A place is free for you at “%(title)s” on %(when)s. Take it before %(until)s, or "
             "it goes to the next person waiting.") % {
        "title": event.title, "when": notifications.when(event.starts_at, event),
        "until": notifications.when(registration.offer_expires_at, event)}


def accept(notification) -> str:
    event, registration = _offer_notified(notification)
    if confirm_offer(registration).status == RegistrationStatus.PENDING:
        return _("The place is yours once the organiser approves your registration.")
    return _("The place is yours: you are registered for “%(title)s”.") % {"title": event.title}


def decline(notification) -> str:
    event, registration = _offer_notified(notification)
    cancel_registration(registration)
    return _("You gave up the place at “%(title)s”: it goes to the next person waiting.") % {
        "title": event.title}


ANSWERS = Answers(describe=describe, accept=accept, decline=decline)
