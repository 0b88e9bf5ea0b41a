"""Every read of the agenda, built on visible_to(): views never filter on their own."""
import uuid
from datetime import timedelta

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from core.errors import NotFound
from core.privacy.roles import is_manager_of
from plugins.agenda.conf import setting
from plugins.agenda.models import (Event, Occurrence, Registration, RegistrationStatus, Rsvp,
                                   RsvpAnswer, Venue)
from plugins.agenda.models.registrations import ACTIVE


def events_for(user):
    return Event.objects.visible_to(user)


def _uuid(value):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise NotFound() from None


def event_for(user, pk) -> Event:
    """An event ``user`` may see, or NotFound (never telling a hidden one from a missing one)."""
    event = (events_for(user).select_related("venue", "community", "owner__profile")
             .filter(pk=_uuid(pk)).first())
    if event is None:
        raise NotFound()
    return event


def occurrences_for(user):
    return Occurrence.objects.visible_to(user)


def venues_for(user):
    return Venue.objects.visible_to(user)


def venue_for(user, pk) -> Venue:
    venue = venues_for(user).filter(pk=_uuid(pk)).first()
    if venue is None:
        raise NotFound()
    return venue


def community_events(user, community):
    return events_for(user).filter(community=community)


def registered_events(member):
    """The events of a member's live registrations that they may still see (their feed)."""
    holding = Registration.objects.filter(
        event=OuterRef("pk"), member=member,
        status__in=[RegistrationStatus.CONFIRMED, RegistrationStatus.PENDING,
                    RegistrationStatus.OFFERED])
    return events_for(member).filter(Exists(holding))


def is_organiser(user, event) -> bool:
    return bool(user is not None and user.is_authenticated
                and (event.owner_id == user.pk or is_manager_of(user, event)))


def registration_of(event, user):
    if user is None or not user.is_authenticated:
        return None
    return (Registration.objects.filter(event=event, member=user, status__in=ACTIVE)
            .first())


def rsvp_of(event, user):
    if user is None or not user.is_authenticated:
        return None
    return Rsvp.objects.filter(event=event, member=user).first()


def is_participant(event, user) -> bool:
    """Confirmed registrants, or (without registration) those answering going or maybe."""
    if user is None or not user.is_authenticated:
        return False
    if event.registration_required:
        return Registration.objects.filter(event=event, member=user,
                                           status=RegistrationStatus.CONFIRMED).exists()
    return Rsvp.objects.filter(event=event, member=user,
                               answer__in=[RsvpAnswer.GOING, RsvpAnswer.MAYBE]).exists()


def online_link_for(event, user, now=None) -> str | None:
    """The link, for the organiser always; for participants from shortly before an occurrence
    starts until it ends; for everyone else never."""
    if not event.online_url:
        return None
    if is_organiser(user, event):
        return event.online_url
    if event.is_cancelled or not is_participant(event, user):
        return None
    now = now or timezone.now()
    soon = now + timedelta(minutes=setting("ONLINE_LINK_MINUTES"))
    if Occurrence.objects.filter(event=event, cancelled=False, starts_at__lte=soon,
                                 ends_at__gt=now).exists():
        return event.online_url
    return None


def participants_for(event, user):
    """Who ``user`` may see among the registrants: the organiser sees every live registration;
    a confirmed participant sees the other confirmed ones who chose to be shown; others none."""
    registrations = Registration.objects.filter(event=event, member__isnull=False)
    if is_organiser(user, event):
        return registrations.filter(status__in=ACTIVE)
    if event.registration_required and is_participant(event, user):
        return registrations.filter(Q(shown_to_participants=True) | Q(member=user),
                                    status=RegistrationStatus.CONFIRMED)
    return registrations.none()


def waiting_list_for(event, user):
    """The organiser sees the whole line; a member only their own place in it."""
    waiting = Registration.objects.filter(event=event, status=RegistrationStatus.WAITING)
    if is_organiser(user, event):
        return waiting
    if user is None or not user.is_authenticated:
        return waiting.none()
    return waiting.filter(member=user)
