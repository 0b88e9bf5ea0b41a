"""Registering with companions, cancelling, approving and confirming an offered place.

Every change takes the event's row lock first (then the registration's): capacity is checked
and ``places_taken`` moved inside that lock, and a check constraint refuses any overbooking.
"""
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import Conflict, Gone, Invalid, NotAllowed
from plugins.agenda import notifications
from plugins.agenda.models import FEATURES, Event, Occurrence, Registration, RegistrationStatus
from plugins.agenda.models.registrations import ACTIVE
from plugins.agenda.services.needs import check_needs_consent
from plugins.agenda.services.waiting_list import lock_event, promote_waiting, release_places


def _registration_open(event, now) -> None:
    if event.is_cancelled:
        raise Conflict(_("This event is cancelled."))
    if not event.registration_required:
        raise Conflict(_("This event takes no registration: answer with an RSVP instead."))
    if not Occurrence.objects.filter(event=event, starts_at__gt=now, cancelled=False).exists():
        raise Conflict(_("This event is over."))
    if event.registration_opens_at and event.registration_opens_at > now:
        raise Conflict(_("Registration has not opened yet."))
    if event.registration_closes_at and event.registration_closes_at <= now:
        raise Conflict(_("Registration is closed."))


def register(event, member, *, companions=0, shown_to_participants=False, shared_needs=(),
             shared_needs_note="", now=None) -> Registration:
    """A place (awaiting approval if the organiser approves), or a place in the waiting list."""
    now = now or timezone.now()
    if companions < 0:
        raise Invalid("companions", _("Give a number of companions of 0 or more."))
    unknown = sorted(set(shared_needs) - set(FEATURES))
    if unknown:
        raise Invalid("shared_needs", _("Unknown access needs: %(names)s.")
                      % {"names": ", ".join(unknown)})
    if shared_needs or shared_needs_note:
        check_needs_consent(member)
    try:
        with transaction.atomic():
            event = lock_event(event)
            _registration_open(event, now)
            if companions > event.max_companions:
                raise Invalid("companions", _("At most %(max)s companions per registration.")
                              % {"max": event.max_companions})
            if Registration.objects.filter(event=event, member=member,
                                           status__in=ACTIVE).exists():
                raise Conflict(_("You are already registered for this event."))
            size = 1 + companions
            someone_waits = Registration.objects.filter(
                event=event, status=RegistrationStatus.WAITING).exists()
            fits = event.capacity is None or event.places_taken + size <= event.capacity
            registration = Registration(
                event=event, member=member, companions=companions,
                shown_to_participants=shown_to_participants,
                shared_needs=[name for name in FEATURES if name in set(shared_needs)],
                shared_needs_note=shared_needs_note)
            if fits and not someone_waits:
                registration.status = (RegistrationStatus.PENDING if event.requires_approval
                                       else RegistrationStatus.CONFIRMED)
                Event.objects.filter(pk=event.pk).update(places_taken=F("places_taken") + size)
            else:
                registration.status = RegistrationStatus.WAITING
                registration.position = event.next_position
                Event.objects.filter(pk=event.pk).update(next_position=F("next_position") + 1)
            registration.save()
    except IntegrityError:
        raise Conflict(_("You are already registered for this event.")) from None
    if registration.status == RegistrationStatus.PENDING:
        notifications.approval_requested(event, registration)
    return registration


def _locked(registration):
    """The event's lock, then the registration's: the one order every writer follows."""
    event = lock_event(registration.event)
    return event, Registration.objects.select_for_update().get(pk=registration.pk)


@transaction.atomic
def cancel_registration(registration) -> Registration:
    """The member cancels (or leaves the waiting list); a freed place goes to the next in line."""
    event, registration = _locked(registration)
    if registration.status not in ACTIVE:
        raise Conflict(_("This registration is no longer active."))
    release_places(event, registration, RegistrationStatus.CANCELLED)
    promote_waiting(event)
    return registration


@transaction.atomic
def confirm_offer(registration, now=None) -> Registration:
    """The member promoted from the waiting list takes the place offered to them."""
    now = now or timezone.now()
    event, registration = _locked(registration)
    if registration.status != RegistrationStatus.OFFERED:
        raise Conflict(_("No place is offered to you for this event."))
    if registration.offer_expires_at and registration.offer_expires_at <= now:
        raise Gone(_("The offer has expired."))
    registration.status = (RegistrationStatus.PENDING if event.requires_approval
                           else RegistrationStatus.CONFIRMED)
    registration.offer_expires_at = None
    registration.save(update_fields=["status", "offer_expires_at", "updated_at"])
    return registration


@transaction.atomic
def decide(registration, *, approve: bool) -> Registration:
    """The organiser approves or refuses a registration awaiting approval."""
    event, registration = _locked(registration)
    if not event.requires_approval or registration.status != RegistrationStatus.PENDING:
        raise Conflict(_("This registration is not waiting for approval."))
    if approve:
        registration.status = RegistrationStatus.CONFIRMED
        registration.save(update_fields=["status", "updated_at"])
    else:
        release_places(event, registration, RegistrationStatus.REFUSED)
        promote_waiting(event)
    notifications.registration_decided(event, registration)
    return registration


def change_visibility(registration, member, *, shown_to_participants=None, shared_needs=None,
                      shared_needs_note=None) -> Registration:
    """The registrant changes what others see of their registration."""
    if registration.member_id != member.pk:
        raise NotAllowed()
    if shared_needs is not None:
        unknown = sorted(set(shared_needs) - set(FEATURES))
        if unknown:
            raise Invalid("shared_needs", _("Unknown access needs: %(names)s.")
                          % {"names": ", ".join(unknown)})
        if shared_needs:
            check_needs_consent(member)
        registration.shared_needs = [name for name in FEATURES if name in set(shared_needs)]
    if shared_needs_note is not None:
        if shared_needs_note:
            check_needs_consent(member)
        registration.shared_needs_note = shared_needs_note
    if shown_to_participants is not None:
        registration.shown_to_participants = shown_to_participants
    registration.save()
    return registration

