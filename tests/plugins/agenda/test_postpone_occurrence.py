"""Postponing one occurrence of a series (the rest stays) versus the whole series."""
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.utils import timezone

from core.notifications.models import Notification
from plugins.agenda.models import EventStatus, Occurrence
from plugins.agenda.services import rsvp
from plugins.agenda.services.occurrences import sync_occurrences
from tests.factories import UserFactory
from tests.plugins.agenda.conftest import client_for
from tests.plugins.agenda.factories import make_event

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
EVENTS = "/api/v1/agenda/events/"


@pytest.fixture
def series(organiser):
    """Four Tuesdays at 18:30 in Paris, from a Tuesday a few weeks ahead."""
    today = timezone.now().astimezone(PARIS).date()
    first = today + timedelta(days=14 + (1 - today.weekday()) % 7)
    start = datetime(first.year, first.month, first.day, 18, 30, tzinfo=PARIS)
    return make_event(organiser, title="Atelier du mardi", starts_at=start,
                      ends_at=start + timedelta(hours=2),
                      recurrence="FREQ=WEEKLY;BYDAY=TU;COUNT=4")


def dates(event):
    return [(o.original_start, o.starts_at, o.moved)
            for o in Occurrence.objects.filter(event=event).order_by("original_start")]


def test_one_occurrence_is_postponed_and_the_rest_of_the_series_stays(
        organiser, series, django_capture_on_commit_callbacks):
    before = dates(series)
    second = Occurrence.objects.filter(event=series).order_by("original_start")[1]
    new_start = second.starts_at + timedelta(days=2)
    going = UserFactory()
    rsvp.answer(series, going, "going")
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(organiser).post(
            f"{EVENTS}{series.pk}/postpone/",
            {"occurrence": str(second.pk), "starts_at": new_start.isoformat(),
             "ends_at": (new_start + timedelta(hours=2)).isoformat(), "reason": "Salle prise"},
            format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == EventStatus.SCHEDULED  # the series is not postponed
    after = dates(series)
    assert after[0] == before[0] and after[2:] == before[2:]
    assert after[1] == (before[1][0], new_start, True)
    series.refresh_from_db()
    assert series.starts_at == before[0][1]
    # The daily extension of series keeps the moved date.
    sync_occurrences(series)
    assert dates(series) == after
    # The API's occurrences and the calendar feed both show the move.
    window = {"from": timezone.now().date().isoformat(),
              "to": (timezone.now() + timedelta(days=60)).date().isoformat(), "page_size": 50}
    rows = client_for().get("/api/v1/agenda/occurrences/", window).json()["results"]
    assert [row["moved"] for row in rows if row["id"] == str(second.pk)] == [True]
    feed = icalendar.Calendar.from_ical(client_for().get(f"{EVENTS}{series.pk}/calendar.ics")
                                        .content)
    [override] = [c for c in feed.walk("VEVENT") if "RECURRENCE-ID" in c]
    assert override.decoded("RECURRENCE-ID") == before[1][0].astimezone(PARIS)
    assert override.decoded("DTSTART") == new_start.astimezone(PARIS)
    assert str(override["STATUS"]) == "CONFIRMED"
    [(kind, title)] = Notification.objects.filter(recipient=going).values_list("kind", "title")
    assert kind == "agenda.postponed" and "Atelier du mardi" in title


def test_the_whole_series_moves_when_no_occurrence_is_named(organiser, series):
    before = dates(series)
    later = before[0][1] + timedelta(days=7)
    response = client_for(organiser).post(
        f"{EVENTS}{series.pk}/postpone/",
        {"starts_at": later.isoformat(), "ends_at": (later + timedelta(hours=2)).isoformat()},
        format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == EventStatus.POSTPONED
    assert [start for _original, start, _moved in dates(series)] == [
        start + timedelta(days=7) for _original, start, _moved in before]


def test_postponing_an_occurrence_refuses_bad_input_and_changes_nothing(organiser, series):
    occurrences = list(Occurrence.objects.filter(event=series).order_by("original_start"))
    before = dates(series)
    url = f"{EVENTS}{series.pk}/postpone/"
    start = occurrences[1].starts_at + timedelta(days=1)
    body = {"occurrence": str(occurrences[1].pk), "starts_at": start.isoformat(),
            "ends_at": (start + timedelta(hours=2)).isoformat()}
    other = make_event(organiser, recurrence="FREQ=WEEKLY;COUNT=2")
    foreign = {**body, "occurrence": str(other.occurrences.first().pk)}
    assert client_for(organiser).post(url, foreign, format="json").status_code == 404
    backwards = {**body, "ends_at": (start - timedelta(hours=1)).isoformat()}
    assert client_for(organiser).post(url, backwards, format="json").status_code == 400
    past = {**body, "starts_at": (timezone.now() - timedelta(days=1)).isoformat()}
    assert client_for(organiser).post(url, past, format="json").status_code == 400
    assert client_for(UserFactory()).post(url, body, format="json").status_code in (403, 404)
    Occurrence.objects.filter(pk=occurrences[2].pk).update(cancelled=True)
    cancelled = {**body, "occurrence": str(occurrences[2].pk)}
    refused = client_for(organiser).post(url, cancelled, format="json")
    assert refused.status_code == 409 and refused.json()["detail"]
    after = dates(series)
    assert after == before
