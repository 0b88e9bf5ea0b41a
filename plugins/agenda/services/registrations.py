"""Registering with companions, cancelling, approving and confirming an offered place.

Every change takes the event's row lock first, then the occurrence's when the event registers
per occurrence, then the registration's: capacity is checked and ``places_taken`` moved inside
those locks, and a check constraint refuses any overbooking of a series.
"""
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import Conflict, Gone, Invalid, NotAllowed
from plugins.agenda import notifications
from plugins.agenda.models import FEATURES, Occurrence, Registration, RegistrationStatus
from plugins.agenda.models.registrations import ACTIVE
from plugins.agenda.queries import NAME_THE_OCCURRENCE, NOT_ONE_OF_ITS_OCCURRENCES
from plugins.agenda.services.needs import check_needs_consent
from plugins.agenda.services.waiting_list import (in_pool, lock_event, lock_occurrence,
                                                  move_places, places_taken, promote_waiting,
                                                  release_places, take_position)


def _date_of(event, occurrence):
    """The date a registration is for, locked after its event: None for the series; refused
    unless the event registers per occurrence and it is one of the event's own (an exception
    date has no occurrence)."""
    occurrence_id = getattr(occurrence, "pk", occurrence)
    if not event.per_occurrence:
        if occurrence_id is not None:
            raise Invalid("occurrence", _("A registration for this event covers all its dates: "
                                          "leave out the occurrence."))
        return None
    if occurrence_id is None:
        raise Invalid("occurrence", NAME_THE_OCCURRENCE)
    date = Occurrence.objects.select_for_update().filter(event=event, pk=occurrence_id).first()
    if date is None:
        raise Invalid("occurrence", NOT_ONE_OF_ITS_OCCURRENCES)
    return date


def _registration_open(event, occurrence, now) -> None:
    if event.is_cancelled:
        raise Conflict(_("This event is cancelled."))
    if not event.registration_required:
        raise Conflict(_("This event takes no registration: answer with an RSVP instead."))
    if occurrence is None:
        if not Occurrence.objects.filter(event=event, starts_at__gt=now,
                                         cancelled=False).exists():
            raise Conflict(_("This event is over."))
    elif occurrence.cancelled:
        raise Conflict(_("This date is cancelled."))
    elif occurrence.starts_at <= now:
        raise Conflict(_("This date has begun or is over: choose a later one."))
    if event.registration_opens_at and event.registration_opens_at > now:
        raise Conflict(_("Registration has not opened yet."))
    if event.registration_closes_at and event.registration_closes_at <= now:
        raise Conflict(_("Registration is closed."))


def _already_registered(occurrence):
    return Conflict(_("You are already registered for this date.") if occurrence is not None
                    else _("You are already registered for this event."))


def register(event, member, *, occurrence=None, companions=0, shown_to_participants=False,
             shared_needs=(), shared_needs_note="", now=None) -> Registration:
    """A place (awaiting approval if the organiser approves), or a place in the waiting list:
    for the series, or for ``occurrence`` (an Occurrence or its id) when the event registers
    per occurrence."""
    now = now or timezone.now()
    if companions < 0:
        raise Invalid("companions", _("Give a number of companions of 0 or more."))
    unknown = sorted(set(shared_needs) - set(FEATURES))
    if unknown:
        raise Invalid("shared_needs", _("Unknown access needs: %(names)s.")
                      % {"names": ", ".join(unknown)})
    if shared_needs or shared_needs_note:
        check_needs_consent(member)
    date = None
    try:
        with transaction.atomic():
            event = lock_event(event)
            date = _date_of(event, occurrence)
            _registration_open(event, date, now)
            if companions > event.max_companions:
                raise Invalid("companions", _("At most %(max)s companions per registration.")
                              % {"max": event.max_companions})
            pool = in_pool(event, date)
            if pool.filter(member=member, status__in=ACTIVE).exists():
                raise _already_registered(date)
            size = 1 + companions
            someone_waits = pool.filter(status=RegistrationStatus.WAITING).exists()
            fits = (event.capacity is None
                    or places_taken(event, date) + size <= event.capacity)
            registration = Registration(
                event=event, occurrence=date, member=member, companions=companions,
                shown_to_participants=shown_to_participants,
                shared_needs=[name for name in FEATURES if name in set(shared_needs)],
                shared_needs_note=shared_needs_note)
            if fits and not someone_waits:
                registration.status = (RegistrationStatus.PENDING if event.requires_approval
                                       else RegistrationStatus.CONFIRMED)
                move_places(event, date, size)
            else:
                registration.status = RegistrationStatus.WAITING
                registration.position = take_position(event, date)
            registration.save()
    except IntegrityError:
        raise _already_registered(date) from None
    if registration.status == RegistrationStatus.PENDING:
        notifications.approval_requested(event, registration)
    return registration


def _locked(registration):
    """The event's lock, the occurrence's, then the registration's: the one order every writer
    follows."""
    event = lock_event(registration.event)
    occurrence = lock_occurrence(registration.occurrence_id)
    return event, occurrence, Registration.objects.select_for_update().get(pk=registration.pk)


@transaction.atomic
def cancel_registration(registration) -> Registration:
    """The member cancels (or leaves the waiting list); a freed place goes to the next in line."""
    event, occurrence, registration = _locked(registration)
    if registration.status not in ACTIVE:
        raise Conflict(_("This registration is no longer active."))
    release_places(event, registration, RegistrationStatus.CANCELLED, occurrence)
    promote_waiting(event, occurrence)
    return registration


@transaction.atomic
def confirm_offer(registration, now=None) -> Registration:
    """The member promoted from the waiting list takes the place offered to them."""
    now = now or timezone.now()
    event, _occurrence, registration = _locked(registration)
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
    event, occurrence, registration = _locked(registration)
    if not event.requires_approval or registration.status != RegistrationStatus.PENDING:
        raise Conflict(_("This registration is not waiting for approval."))
    if approve:
        registration.status = RegistrationStatus.CONFIRMED
        registration.save(update_fields=["status", "updated_at"])
    else:
        release_places(event, registration, RegistrationStatus.REFUSED, occurrence)
        promote_waiting(event, occurrence)
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

