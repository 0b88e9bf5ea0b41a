"""RSVPs for open events: one answer per member, changed at will, only counts shown."""
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import Conflict
from plugins.agenda.models import Occurrence, Rsvp, RsvpAnswer


def answer(event, member, value: str) -> Rsvp:
    if event.is_cancelled:
        raise Conflict(_("This event is cancelled."))
    if event.registration_required:
        raise Conflict(_("This event takes registrations: register instead."))
    if not Occurrence.objects.filter(event=event, starts_at__gt=timezone.now(),
                                     cancelled=False).exists():
        raise Conflict(_("This event is over."))
    for _attempt in range(2):
        try:
            with transaction.atomic():
                rsvp, _created = Rsvp.objects.update_or_create(
                    event=event, member=member, defaults={"answer": value})
                return rsvp
        except IntegrityError:  # a parallel first answer of the same member won: update it
            continue
    raise Conflict(_("Your answer changed at the same time: try again."))


def withdraw(event, member) -> None:
    Rsvp.objects.filter(event=event, member=member).delete()


def counts(event) -> dict:
    """Answers per kind (raw: the API publishes them through small-group suppression)."""
    found = dict(Rsvp.objects.filter(event=event).values_list("answer")
                 .annotate(total=Count("id")).values_list("answer", "total"))
    return {value: found.get(value, 0) for value in RsvpAnswer.values}
