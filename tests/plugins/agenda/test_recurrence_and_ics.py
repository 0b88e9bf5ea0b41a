"""Recurrences across a daylight-saving change, and .ics feeds that say the same as the API."""
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from dateutil.parser import isoparse
from dateutil.rrule import rrulestr, rruleset

from plugins.agenda.services.events import cancel_event
from tests.plugins.agenda.conftest import client_for
from tests.plugins.agenda.factories import make_event

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
UTC = ZoneInfo("UTC")
OCCURRENCES = "/api/v1/agenda/occurrences/"


@pytest.fixture
def weekly(organiser):
    """Tuesdays at 18:30 in Paris from 2 March 2027, thirteen times, not on 16 March; the
    clocks change on Sunday 28 March 2027. The 6 April meeting is then cancelled."""
    start = datetime(2027, 3, 2, 18, 30, tzinfo=PARIS)
    event = make_event(organiser, title="Groupe SEP du mardi", starts_at=start,
                       ends_at=start + timedelta(hours=2),
                       recurrence="FREQ=WEEKLY;BYDAY=TU;COUNT=13", exdates=["2027-03-16"])
    cancel_event(event, occurrence=event.occurrences.get(
        original_start=datetime(2027, 4, 6, 18, 30, tzinfo=PARIS)), reason="Férié")
    return event


def listed(params):
    response = client_for().get(OCCURRENCES, {"page_size": 100, **params})
    assert response.status_code == 200, response.json()
    return response.json()["results"]


def test_a_weekly_event_keeps_its_wall_clock_time_across_the_change(weekly):
    rows = listed({"from": "2027-03-01", "to": "2027-06-01"})
    starts = [isoparse(row["starts_at"]) for row in rows]
    assert len(starts) == 12  # thirteen Tuesdays but the exception date
    assert all(s.astimezone(PARIS).strftime("%a %H:%M") == "Tue 18:30" for s in starts)
    assert datetime(2027, 3, 16, 18, 30, tzinfo=PARIS) not in starts
    utc_hours = {s.astimezone(PARIS).date().isoformat(): s.astimezone(UTC).hour for s in starts}
    assert utc_hours["2027-03-23"] == 17 and utc_hours["2027-03-30"] == 16
    ends = [isoparse(row["ends_at"]).astimezone(PARIS).strftime("%H:%M") for row in rows]
    assert set(ends) == {"20:30"}
    cancelled = [row["starts_at"] for row in rows if row["cancelled"]]
    assert [isoparse(c) for c in cancelled] == [datetime(2027, 4, 6, 18, 30, tzinfo=PARIS)]
    assert starts[-1] == datetime(2027, 5, 25, 18, 30, tzinfo=PARIS)


def expand_feed(body: bytes):
    """Occurrences a calendar client computes from the feed: (live starts, cancelled starts)."""
    calendar = icalendar.Calendar.from_ical(body)
    events = [c for c in calendar.walk("VEVENT")]
    master = next(c for c in events if "RECURRENCE-ID" not in c)
    start = master.decoded("DTSTART")
    dates = rruleset()
    dates.rrule(rrulestr(master["RRULE"].to_ical().decode(), dtstart=start))
    exdates = master.get("EXDATE")
    for group in (exdates if isinstance(exdates, list) else [exdates] if exdates else []):
        for moment in group.dts:
            dates.exdate(moment.dt)
    cancelled = {c.decoded("RECURRENCE-ID") for c in events
                 if "RECURRENCE-ID" in c and str(c["STATUS"]) == "CANCELLED"}
    return [moment for moment in dates if moment not in cancelled], sorted(cancelled), master


def test_the_event_feed_parses_and_matches_the_api(weekly):
    response = client_for().get(f"/api/v1/agenda/events/{weekly.pk}/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    live, cancelled, master = expand_feed(response.content)
    assert master.decoded("DTSTART").tzinfo.key == "Europe/Paris"
    assert str(master["STATUS"]) == "CONFIRMED"
    assert b"BEGIN:VTIMEZONE" in response.content and b"TZID:Europe/Paris" in response.content
    rows = listed({"from": "2027-03-01", "to": "2027-06-01"})
    assert live == [isoparse(row["starts_at"]) for row in rows if not row["cancelled"]]
    assert cancelled == [isoparse(row["starts_at"]) for row in rows if row["cancelled"]]


def test_a_cancelled_event_is_cancelled_in_its_feed(organiser):
    event = make_event(organiser)
    cancel_event(event, reason="Annulé")
    body = client_for().get(f"/api/v1/agenda/events/{event.pk}/calendar.ics").content
    vevent = icalendar.Calendar.from_ical(body).walk("VEVENT")[0]
    assert str(vevent["STATUS"]) == "CANCELLED"


def test_an_all_day_event_is_written_with_dates(organiser):
    start = datetime(2027, 6, 12, 10, 0, tzinfo=PARIS)
    event = make_event(organiser, all_day=True, starts_at=start, ends_at=start)
    assert event.starts_at == datetime(2027, 6, 12, 0, 0, tzinfo=PARIS)
    assert event.ends_at == datetime(2027, 6, 13, 0, 0, tzinfo=PARIS)
    body = client_for().get(f"/api/v1/agenda/events/{event.pk}/calendar.ics").content
    vevent = icalendar.Calendar.from_ical(body).walk("VEVENT")[0]
    assert vevent.decoded("DTSTART").isoformat() == "2027-06-12"
    assert vevent.decoded("DTEND").isoformat() == "2027-06-13"


def test_an_open_ended_series_is_stored_up_to_the_horizon_and_extended(organiser):
    from django.utils import timezone

    from plugins.agenda.conf import setting
    from plugins.agenda.services.occurrences import extend_open_series

    days = setting("HORIZON_DAYS")
    start = timezone.now() + timedelta(days=1)
    event = make_event(organiser, starts_at=start, ends_at=start + timedelta(hours=1),
                       recurrence="FREQ=WEEKLY")
    assert event.occurrences.count() == len(range(1, days + 1, 7))
    extend_open_series(now=timezone.now() + timedelta(days=70))
    assert event.occurrences.count() == len(range(1, days + 71, 7))
