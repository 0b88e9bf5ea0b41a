"""Every read of the agenda, built on visible_to(): views never filter on their own."""
import uuid
from datetime import timedelta

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.errors import Invalid, NotFound
from core.privacy.roles import is_manager_of
from plugins.agenda.conf import setting
from plugins.agenda.models import (Event, Occurrence, Registration, RegistrationStatus, Rsvp,
                                   RsvpAnswer, Venue)
from plugins.agenda.models.registrations import ACTIVE, HOLDING


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


NAME_THE_OCCURRENCE = _("This event takes registrations for one date at a time: name the "
                        "occurrence.")
NOT_ONE_OF_ITS_OCCURRENCES = _("This occurrence is not one of the event's.")


def occurrence_named(event, value, *, required=False):
    """The occurrence a request names (``?occurrence=``) when the event registers per
    occurrence: one of the event's, or None when left out (refused if ``required``). For an
    event registering for the series, None whatever is given."""
    if not event.per_occurrence:
        return None
    if value in (None, ""):
        if required:
            raise Invalid("occurrence", NAME_THE_OCCURRENCE)
        return None
    try:
        pk = uuid.UUID(str(value))
    except ValueError:
        raise Invalid("occurrence", NOT_ONE_OF_ITS_OCCURRENCES) from None
    occurrence = Occurrence.objects.filter(event=event, pk=pk).first()
    if occurrence is None:
        raise Invalid("occurrence", NOT_ONE_OF_ITS_OCCURRENCES)
    return occurrence


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
    holding = Registration.objects.filter(event=OuterRef("pk"), member=member,
                                          status__in=HOLDING)
    return events_for(member).filter(Exists(holding))


def registered_dates(member):
    """The dates a member holds a place for, of events registering per occurrence that they
    may still see (their feed shows those dates alone)."""
    return (Occurrence.objects.filter(event__in=events_for(member).values("pk"))
            .filter(Exists(Registration.objects.filter(
                occurrence=OuterRef("pk"), member=member, status__in=HOLDING)))
            .order_by("starts_at", "id"))


def is_organiser(user, event) -> bool:
    return bool(user is not None and user.is_authenticated
                and (event.owner_id == user.pk or is_manager_of(user, event)))


def registration_of(event, user, occurrence=None):
    """The member's live registration for the series, or for ``occurrence``."""
    if user is None or not user.is_authenticated:
        return None
    return (Registration.objects.filter(event=event, occurrence=occurrence, member=user,
                                        status__in=ACTIVE).first())


def rsvp_of(event, user):
    if user is None or not user.is_authenticated:
        return None
    return Rsvp.objects.filter(event=event, member=user).first()


def is_participant(event, user, occurrence=None) -> bool:
    """Confirmed registrants (of ``occurrence`` when the event registers per occurrence: none
    without one), or (without registration) those answering going or maybe."""
    if user is None or not user.is_authenticated:
        return False
    if event.registration_required:
        if event.per_occurrence and occurrence is None:
            return False
        return Registration.objects.filter(event=event, occurrence=occurrence, member=user,
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
    if event.is_cancelled or user is None or not user.is_authenticated:
        return None
    now = now or timezone.now()
    soon = now + timedelta(minutes=setting("ONLINE_LINK_MINUTES"))
    under_way = Occurrence.objects.filter(event=event, cancelled=False, starts_at__lte=soon,
                                          ends_at__gt=now)
    if event.per_occurrence:
        # Only the date they registered for opens the link to them.
        under_way = under_way.filter(Exists(Registration.objects.filter(
            occurrence=OuterRef("pk"), member=user, status=RegistrationStatus.CONFIRMED)))
    elif not is_participant(event, user):
        return None
    return event.online_url if under_way.exists() else None


def participants_for(event, user, occurrence=None):
    """Who ``user`` may see among the registrants (of ``occurrence`` when the event registers
    per occurrence): the organiser sees every live registration; a confirmed participant sees
    the other confirmed ones of the same date who chose to be shown; others none."""
    registrations = Registration.objects.filter(event=event, member__isnull=False)
    if event.per_occurrence and occurrence is not None:
        registrations = registrations.filter(occurrence=occurrence)
    if is_organiser(user, event):
        return registrations.filter(status__in=ACTIVE)
    if event.registration_required and is_participant(event, user, occurrence):
        return registrations.filter(Q(shown_to_participants=True) | Q(member=user),
                                    status=RegistrationStatus.CONFIRMED)
    return registrations.none()


def registrations_seen_in_admin(user):
    """Registrations of the events the admin user may see, with their date and handle."""
    return (Registration.objects.filter(event__in=events_for(user).values("pk"),
                                        member__isnull=False)
            .select_related("event", "occurrence", "member__profile"))


def waiting_list_for(event, user, occurrence=None):
    """The organiser sees the whole line (of ``occurrence`` when the event registers per
    occurrence); a member only their own place in it."""
    waiting = Registration.objects.filter(event=event, occurrence=occurrence,
                                          status=RegistrationStatus.WAITING)
    if is_organiser(user, event):
        return waiting
    if user is None or not user.is_authenticated:
        return waiting.none()
    return waiting.filter(member=user)
