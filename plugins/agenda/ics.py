"""iCalendar (RFC 5545) feeds built with the ``icalendar`` library.

A series is one VEVENT with its RRULE and EXDATEs in the event's time zone (with its VTIMEZONE);
a cancelled occurrence of a live series is an override (RECURRENCE-ID) with STATUS:CANCELLED,
and an occurrence postponed on its own an override with its new dates. In a member's own feed,
an event registering per occurrence gives only the dates they registered for, each a VEVENT.
Online links never go into a feed: it can be forwarded, and the link has its own rules.
"""
from datetime import datetime
from zoneinfo import ZoneInfo

from django.db.models import Q
from django.utils import timezone
from icalendar import Calendar, Event as VEvent, vRecur

from plugins.agenda.models import EventStatus, Occurrence
from plugins.agenda.recurrence import parse_exdates

PRODID = "-//Stent//Agenda//EN"


def _moment(value, event):
    """A start or end as the feed writes it: a date for all-day events, else local with TZID."""
    local = value.astimezone(ZoneInfo(event.timezone))
    return local.date() if event.all_day else local


def _location(event) -> str:
    venue = event.venue
    if venue is None:
        return ""
    return ", ".join(part for part in (venue.name, venue.address, venue.postcode, venue.city)
                     if part)


def _described(item, event, now, base_url):
    """What every VEVENT of an event says about it."""
    item.add("dtstamp", now)
    item.add("last-modified", event.updated_at)
    item.add("summary", event.title)
    item.add("description", event.description)
    item.add("categories", [event.category])
    location = _location(event)
    if location:
        item.add("location", location)
    item.add("url", f"{base_url}{event.get_api_url()}")
    return item


def _vevent(event, now, base_url):
    item = _described(VEvent(), event, now, base_url)
    item.add("uid", f"{event.pk}@stent")
    item.add("dtstart", _moment(event.starts_at, event))
    item.add("dtend", _moment(event.ends_at, event))
    item.add("status", "CANCELLED" if event.status == EventStatus.CANCELLED else "CONFIRMED")
    if event.recurrence:
        item.add("rrule", vRecur.from_ical(event.recurrence))
        local_start = event.starts_at.astimezone(ZoneInfo(event.timezone))
        for day in parse_exdates(event.exdates):
            excluded = (day if event.all_day
                        else datetime.combine(day, local_start.timetz()))
            item.add("exdate", excluded)
    return item


def _one_date(event, occurrence, now, base_url):
    """A date registered for on its own: a VEVENT of its own (its own UID)."""
    item = _described(VEvent(), event, now, base_url)
    item.add("uid", f"{occurrence.pk}@stent")
    item.add("dtstart", _moment(occurrence.starts_at, event))
    item.add("dtend", _moment(occurrence.ends_at, event))
    cancelled = occurrence.cancelled or event.status == EventStatus.CANCELLED
    item.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return item


def _override(event, occurrence, now):
    """One date of a series that differs from its rule: cancelled, or postponed on its own."""
    item = VEvent()
    item.add("uid", f"{event.pk}@stent")
    item.add("dtstamp", now)
    item.add("recurrence-id", _moment(occurrence.original_start, event))
    item.add("summary", event.title)
    item.add("dtstart", _moment(occurrence.starts_at, event))
    item.add("dtend", _moment(occurrence.ends_at, event))
    item.add("status", "CANCELLED" if occurrence.cancelled else "CONFIRMED")
    return item


def calendar_of(events, *, name: str, base_url: str = "", dates=()) -> bytes:
    """The feed of ``events`` (already read through visible_to), with their cancelled and
    separately postponed dates; an event with some of ``dates`` (occurrences) shows those
    dates alone."""
    now = timezone.now()
    events = list(events)
    only = {}
    for occurrence in dates:
        only.setdefault(occurrence.event_id, []).append(occurrence)
    overridden = {}
    live_series = [event.pk for event in events
                   if event.recurrence and event.status != EventStatus.CANCELLED]
    for occurrence in Occurrence.objects.filter(Q(cancelled=True) | Q(moved=True),
                                                event_id__in=live_series):
        overridden.setdefault(occurrence.event_id, []).append(occurrence)
    feed = Calendar()
    feed.add("prodid", PRODID)
    feed.add("version", "2.0")
    feed.add("calscale", "GREGORIAN")
    feed.add("x-wr-calname", name)
    by_id = {event.pk: event for event in events}
    for event in events:
        if event.pk in only:
            for occurrence in only[event.pk]:
                feed.add_component(_one_date(event, occurrence, now, base_url))
            continue
        feed.add_component(_vevent(event, now, base_url))
        for occurrence in overridden.get(event.pk, []):
            feed.add_component(_override(by_id[event.pk], occurrence, now))
    feed.add_missing_timezones()
    return feed.to_ical()
