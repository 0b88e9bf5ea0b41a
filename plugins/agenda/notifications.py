"""Who hears about an event's life, through the core notifications, in their own language."""
from django.db import transaction
from django.utils import formats
from django.utils.translation import gettext as _, gettext_lazy

KINDS = {
    "agenda.changed": gettext_lazy("An event you registered for changed"),
    "agenda.cancelled": gettext_lazy("An event you registered for was cancelled"),
    "agenda.postponed": gettext_lazy("An event you registered for was postponed"),
    "agenda.place_offered": gettext_lazy("A place freed up for you on a waiting list"),
    "agenda.decided": gettext_lazy("The organiser approved or refused your registration"),
    "agenda.approval_requested": gettext_lazy("Someone asks to join an event you organise"),
    "agenda.reminder": gettext_lazy("Reminder of an event the day before"),
}
#: What a changed field is called in the message telling registrants what changed.
CHANGE_LABELS = {
    "starts_at": gettext_lazy("the start"), "ends_at": gettext_lazy("the end"),
    "timezone": gettext_lazy("the time zone"), "recurrence": gettext_lazy("the dates"),
    "exdates": gettext_lazy("the dates"), "venue": gettext_lazy("the venue"),
    "mode": gettext_lazy("how to attend"), "title": gettext_lazy("the title"),
}


def notification_kinds():
    from core.notifications.kinds import NotificationKind
    from plugins.agenda.offers import ANSWERS

    # A place offered is taken or given up from the e-mailed link (core/notifications/pages.py).
    answers = {"agenda.place_offered": ANSWERS}
    return [NotificationKind(key, label, email_by_default=key != "agenda.approval_requested",
                             answers=answers.get(key))
            for key, label in KINDS.items()]


def _send(recipients, kind, event, make_title, make_body=lambda: ""):
    """After commit (a rolled-back change tells no one), each in their own language."""
    def send():
        from core.notifications.services import in_language_of, notify

        for recipient in recipients:
            with in_language_of(recipient):
                notify(recipient, kind, title=make_title(), body=make_body(), target=event,
                       url=event.get_api_url())

    transaction.on_commit(send)


def concerned(event, occurrence=None):
    """Registrants (waiting list included) and members who answered going or maybe; for one
    ``occurrence``, the registrants of the series and of that date only."""
    from django.contrib.auth import get_user_model
    from django.db.models import Exists, OuterRef, Q
    from django.utils import timezone

    from plugins.agenda.models import Registration, Rsvp
    from plugins.agenda.models.registrations import ACTIVE

    registered = Registration.objects.filter(event=event, member=OuterRef("pk"),
                                             status__in=ACTIVE)
    if occurrence is not None:
        registered = registered.filter(Q(occurrence__isnull=True) | Q(occurrence=occurrence))
    else:  # the series changes: not those whose own date is over
        registered = registered.filter(Q(occurrence__isnull=True)
                                       | Q(occurrence__ends_at__gt=timezone.now()))
    answered = Rsvp.objects.filter(event=event, member=OuterRef("pk"),
                                   answer__in=["going", "maybe"])
    users = get_user_model().objects.filter(is_active=True)
    return list(users.filter(Exists(registered) | Exists(answered)).select_related("profile"))


def when(moment, event):
    """``moment`` as the event's readers see it: in the event's time zone."""
    from zoneinfo import ZoneInfo

    return formats.date_format(moment.astimezone(ZoneInfo(event.timezone)), "DATETIME_FORMAT")


def event_changed(event, fields):
    def body():
        names = sorted({str(CHANGE_LABELS[name]) for name in fields})
        return _("What changed: %(what)s. It now starts on %(when)s.") % {
            "what": ", ".join(names), "when": when(event.starts_at, event)}

    _send(concerned(event), "agenda.changed", event,
          lambda: _("“%(title)s” changed") % {"title": event.title}, body)


def event_cancelled(event, reason):
    _send(concerned(event), "agenda.cancelled", event,
          lambda: _("“%(title)s” is cancelled") % {"title": event.title}, lambda: reason)


def occurrence_cancelled(event, occurrence, reason):
    _send(concerned(event, occurrence), "agenda.cancelled", event,
          lambda: _("“%(title)s” on %(when)s is cancelled")
          % {"title": event.title, "when": when(occurrence.starts_at, event)}, lambda: reason)


def event_postponed(event, reason):
    _send(concerned(event), "agenda.postponed", event,
          lambda: _("“%(title)s” is postponed to %(when)s")
          % {"title": event.title, "when": when(event.starts_at, event)}, lambda: reason)


def occurrence_postponed(event, occurrence, reason):
    _send(concerned(event, occurrence), "agenda.postponed", event,
          lambda: _("“%(title)s” of %(was)s is postponed to %(when)s")
          % {"title": event.title, "was": when(occurrence.original_start, event),
             "when": when(occurrence.starts_at, event)}, lambda: reason)


def place_offered(event, registration):
    def body():
        return _("Confirm it before %(when)s, or it goes to the next person waiting.") % {
            "when": when(registration.offer_expires_at, event)}

    _send([registration.member], "agenda.place_offered", event,
          lambda: _("A place is free for you at “%(title)s”") % {"title": event.title}, body)


def registration_decided(event, registration):
    def title():
        if registration.status == "confirmed":
            return _("Your registration for “%(title)s” is approved") % {"title": event.title}
        return _("Your registration for “%(title)s” was not approved") % {"title": event.title}

    _send([registration.member], "agenda.decided", event, title)


def approval_requested(event, registration):
    _send([event.owner], "agenda.approval_requested", event,
          lambda: _("A registration for “%(title)s” awaits your approval")
          % {"title": event.title})


def reminder(event, occurrence, recipients):
    _send(recipients, "agenda.reminder", event,
          lambda: _("Tomorrow: “%(title)s” at %(when)s")
          % {"title": event.title, "when": when(occurrence.starts_at, event)})


