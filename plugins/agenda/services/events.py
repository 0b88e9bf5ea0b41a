"""Organising events: create, change, cancel and postpone, with the rules that keep them sound."""
from datetime import datetime, time, timedelta

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import Conflict, Invalid
from core.privacy.audiences import Audience
from plugins.agenda import notifications
from plugins.agenda.models import (Event, EventStatus, Mode, Occurrence, OrganiserKind,
                                   RegistrationScope)
from plugins.agenda.models.accessibility import encode_features, features_of
from plugins.agenda.models.registrations import ACTIVE
from plugins.agenda.recurrence import normalise_rule, parse_exdates, parse_rule, zone
from plugins.agenda.services.occurrences import cancel_date, sync_occurrences
from plugins.agenda.services.waiting_list import promote_every_pool

EARLIEST_YEAR, LATEST_YEAR = 1900, 2200
#: Changes that registrants and the waiting list are told of.
NOTIFIED_CHANGES = ("starts_at", "ends_at", "timezone", "recurrence", "exdates", "venue", "mode",
                    "title")


def _all_day_bounds(fields):
    """All-day events run from local midnight of their first day to midnight after the last."""
    tz = zone(fields["timezone"])
    first = fields["starts_at"].astimezone(tz).date()
    last = fields["ends_at"].astimezone(tz).date()
    fields["starts_at"] = datetime.combine(first, time(0), tzinfo=tz)
    fields["ends_at"] = datetime.combine(max(last, first) + timedelta(days=1), time(0), tzinfo=tz)


def _check(fields, organiser, *, event=None):
    """Every rule on the whole set of fields; raises Invalid naming the field."""
    price = fields.pop("price", None)
    if price is not None:
        fields["price_amount"], fields["price_currency"] = price.amount, price.currency
    zone(fields["timezone"])
    for name in ("starts_at", "ends_at"):
        if not EARLIEST_YEAR <= fields[name].year <= LATEST_YEAR:
            raise Invalid(name, _("Give a date between %(first)s and %(last)s.")
                          % {"first": EARLIEST_YEAR, "last": LATEST_YEAR})
    if fields.get("all_day"):
        _all_day_bounds(fields)
    if fields["ends_at"] <= fields["starts_at"]:
        raise Invalid("ends_at", _("The end must come after the start."))
    fields["recurrence"] = normalise_rule(fields.get("recurrence", ""))
    fields["exdates"] = [day.isoformat() for day in parse_exdates(fields.get("exdates", []))]
    if fields["recurrence"]:
        parse_rule(fields["recurrence"], fields["starts_at"].astimezone(zone(fields["timezone"])))
    elif fields["exdates"]:
        raise Invalid("exdates", _("Only a recurring event has exception dates."))
    if fields.get("registration_scope") == RegistrationScope.OCCURRENCE and not fields["recurrence"]:
        raise Invalid("registration_scope",
                      _("Only a recurring event takes registrations for one date at a time."))
    mode = fields.get("mode", Mode.IN_PERSON)
    if mode in (Mode.IN_PERSON, Mode.HYBRID) and not fields.get("venue"):
        raise Invalid("venue", _("An event in person needs a venue."))
    if mode in (Mode.ONLINE, Mode.HYBRID) and not fields.get("online_url"):
        raise Invalid("online_url", _("An online event needs its link."))
    if mode == Mode.ONLINE:
        fields["venue"] = None
    opens, closes = fields.get("registration_opens_at"), fields.get("registration_closes_at")
    if opens and closes and closes <= opens:
        raise Invalid("registration_closes_at", _("Registration must close after it opens."))
    if fields.get("audience") == Audience.COMMUNITY and not fields.get("community"):
        raise Invalid("community", _("Choose the community that may see the event."))
    kind = fields.get("organiser_kind", OrganiserKind.MEMBER)
    if kind == OrganiserKind.COMMUNITY and not fields.get("community"):
        raise Invalid("community", _("An event organised by a community names it."))
    if kind == OrganiserKind.ASSOCIATION and getattr(
            getattr(organiser, "profile", None), "kind", "") != "association":
        raise Invalid("organiser_kind", _("Only an association account organises as one."))
    community = fields.get("community")
    if community is not None and not organiser.community_memberships.filter(
            community=community, status="active").exists():
        raise Invalid("community", _("You may only organise in a community you belong to."))
    capacity = fields.get("capacity")
    if event is not None:
        taken = _most_places_held(event)
        if capacity is not None and capacity < taken:
            raise Invalid("capacity", _("%(taken)s places are already taken: the capacity "
                                        "cannot be lower.") % {"taken": taken})
        if (fields["registration_scope"] != event.registration_scope
                and event.registrations.filter(status__in=ACTIVE).exists()):
            raise Invalid("registration_scope", _("People are registered: what a registration "
                                                  "is for can no longer change."))
    venue = fields.get("venue")
    if venue is not None and not fields.get("region"):
        fields["region"] = venue.region


def _most_places_held(event) -> int:
    """The places held in the fullest pool: the series, or its fullest date."""
    fullest = Occurrence.objects.filter(event=event).aggregate(most=Max("places_taken"))["most"]
    return max(event.places_taken, fullest or 0)


def _default_scope(fields, current=RegistrationScope.SERIES) -> str:
    """Left out: a recurring event registers per occurrence when created; a one-off event, or
    one that stops recurring, for the series; otherwise the scope stays."""
    if not normalise_rule(fields.get("recurrence", "")):
        return RegistrationScope.SERIES
    return current


def _features(event) -> str:
    own = set(features_of(event))
    if event.venue_id:
        own |= set(features_of(event.venue))
    return encode_features(own)


@transaction.atomic
def create_event(organiser, **fields) -> Event:
    fields.setdefault("timezone", "Europe/Paris")
    fields.setdefault("registration_scope", _default_scope(fields, RegistrationScope.OCCURRENCE))
    _check(fields, organiser)
    event = Event(owner=organiser, **fields)
    event.access_features = _features(event)
    event.save()
    sync_occurrences(event)
    return event


@transaction.atomic
def update_event(event, organiser, **changes) -> Event:
    """Change an event; registrants and the waiting list hear what changed."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.is_cancelled:
        raise Conflict(_("This event is cancelled: it can no longer be changed."))
    current = {field.name: getattr(event, field.name) for field in Event._meta.concrete_fields
               if field.editable and field.name not in ("id", "owner")}
    current.pop("price_amount"), current.pop("price_currency")
    current["price"] = event.price
    current["venue"] = event.venue
    current["community"] = event.community
    fields = {**current, **changes}
    if "registration_scope" not in changes:
        fields["registration_scope"] = _default_scope(fields, event.registration_scope)
    _check(fields, organiser, event=event)
    changed = [name for name in NOTIFIED_CHANGES if fields.get(name) != current.get(name)]
    for name, value in fields.items():
        setattr(event, name, value)
    event.access_features = _features(event)
    event.save()
    sync_occurrences(event)
    promote_every_pool(event)
    if changed:
        notifications.event_changed(event, changed)
    return event


@transaction.atomic
def cancel_event(event, *, reason="", occurrence=None) -> Event:
    """Cancel the whole event, or one occurrence of a series (it stays listed as cancelled)."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.is_cancelled:
        raise Conflict(_("This event is already cancelled."))
    now = timezone.now()
    if occurrence is not None:
        target = Occurrence.objects.select_for_update().filter(event=event,
                                                               pk=occurrence.pk).first()
        if target is None or target.cancelled:
            raise Conflict(_("This occurrence is already cancelled."))
        if target.ends_at <= now:
            raise Conflict(_("This occurrence is over."))
        cancel_date(event, target, reason)
        return event
    if not Occurrence.objects.filter(event=event, ends_at__gt=now).exists():
        raise Conflict(_("This event is over."))
    event.status, event.status_reason, event.cancelled_at = EventStatus.CANCELLED, reason, now
    event.save(update_fields=["status", "status_reason", "cancelled_at", "updated_at"])
    Occurrence.objects.filter(event=event).update(cancelled=True)
    notifications.event_cancelled(event, reason)
    return event


def _new_dates(event, starts_at, ends_at) -> dict:
    if starts_at <= timezone.now():
        raise Invalid("starts_at", _("The new start must be in the future."))
    fields = {"starts_at": starts_at, "ends_at": ends_at, "timezone": event.timezone,
              "all_day": event.all_day, "recurrence": event.recurrence,
              "exdates": event.exdates}
    if fields["all_day"]:
        _all_day_bounds(fields)
    if fields["ends_at"] <= fields["starts_at"]:
        raise Invalid("ends_at", _("The end must come after the start."))
    return fields


def _postpone_occurrence(event, occurrence, starts_at, ends_at, reason) -> Event:
    """One date of a series moves; the series keeps its rule, its status and its other dates."""
    target = Occurrence.objects.select_for_update().filter(event=event, pk=occurrence.pk).first()
    if target is None:
        raise Invalid("occurrence", _("This occurrence is not one of the event's."))
    if target.cancelled:
        raise Conflict(_("This occurrence is cancelled: it can no longer be postponed."))
    if target.ends_at <= timezone.now():
        raise Conflict(_("This occurrence is over."))
    fields = _new_dates(event, starts_at, ends_at)
    target.starts_at, target.ends_at, target.moved = (fields["starts_at"], fields["ends_at"],
                                                      True)
    target.save(update_fields=["starts_at", "ends_at", "moved"])
    event.last_ends_at = max(filter(None, (event.last_ends_at, target.ends_at)))
    event.save(update_fields=["last_ends_at", "updated_at"])
    notifications.occurrence_postponed(event, target, reason)
    return event


@transaction.atomic
def postpone_event(event, *, starts_at, ends_at, reason="", occurrence=None) -> Event:
    """Move the event to new dates: one occurrence of a series (``occurrence``), or the event
    (a series moves as a whole); registrations are kept."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.is_cancelled:
        raise Conflict(_("This event is cancelled: it can no longer be postponed."))
    if occurrence is not None and event.recurrence:
        return _postpone_occurrence(event, occurrence, starts_at, ends_at, reason)
    fields = _new_dates(event, starts_at, ends_at)
    if event.recurrence:
        parse_rule(event.recurrence, fields["starts_at"].astimezone(zone(event.timezone)))
    event.starts_at, event.ends_at = fields["starts_at"], fields["ends_at"]
    event.status, event.status_reason = EventStatus.POSTPONED, reason
    event.save(update_fields=["starts_at", "ends_at", "status", "status_reason", "updated_at"])
    Occurrence.objects.filter(event=event).update(moved=False)  # the whole series moves
    sync_occurrences(event)
    notifications.event_postponed(event, reason)
    return event


@transaction.atomic
def delete_event(event) -> None:
    """Only an event nobody registered for goes; otherwise it is cancelled, so people hear."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.registrations.filter(status__in=ACTIVE).exists():
        raise Conflict(_("People are registered: cancel the event instead of deleting it."))
    if event.cover:
        event.cover.delete(save=False)
    event.delete()


def refresh_features_of_event(event) -> None:
    Event.objects.filter(pk=event.pk).update(access_features=_features(event))


def refresh_features_of_venue(venue) -> None:
    """A venue's accessibility changed: the events held there are filtered on the new one."""
    for event in Event.objects.filter(venue=venue).select_related("venue"):
        Event.objects.filter(pk=event.pk).update(access_features=_features(event))

