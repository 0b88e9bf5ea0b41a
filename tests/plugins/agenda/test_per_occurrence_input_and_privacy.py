"""Registration per occurrence: bad input stores nothing; the participants list, shared needs,
the online link, the personal feed and the series' news are per date; export and erasure cover
per-date registrations."""
from datetime import timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.utils import timezone

from core.notifications.models import Notification
from plugins.agenda.models import Occurrence, Registration
from plugins.agenda.privacy import AgendaPrivacyHandler
from plugins.agenda.services import registrations as services
from plugins.agenda.services.events import cancel_event, update_event
from plugins.agenda.services.needs import create_feed_token
from tests.factories import UserFactory
from tests.plugins.agenda.conftest import client_for, consent_to_health_data
from tests.plugins.agenda.factories import (VenueFactory, dates_of, registration_event,
                                            weekly_event)
from tests.plugins.agenda.test_bad_input import a_valid_event

pytestmark = pytest.mark.django_db

EVENTS = "/api/v1/agenda/events/"


def url(event, rest="registrations/"):
    return f"{EVENTS}{event.pk}/{rest}"


def nothing_stored(*events):
    assert not Registration.objects.filter(event__in=events).exists()
    assert not Occurrence.objects.filter(event__in=events, places_taken__gt=0).exists()
    assert all(o.next_position == 1 for o in Occurrence.objects.filter(event__in=events))


@pytest.fixture
def group(organiser):
    """A weekly group that started a fortnight ago: two dates past (one yesterday), two ahead."""
    start = timezone.now() - timedelta(days=13)
    return weekly_event(organiser, starts_at=start, ends_at=start + timedelta(hours=2),
                        capacity=2, max_companions=1)


@pytest.mark.parametrize("body, status, field", [
    ({}, 400, "occurrence"),
    ({"occurrence": None}, 400, "occurrence"),
    ({"occurrence": "not-a-uuid"}, 400, "occurrence"),
    ({"occurrence": 12}, 400, "occurrence"),
    ({"occurrence": "__other_event__"}, 400, "occurrence"),
    ({"occurrence": "__past__"}, 409, "detail"),
    ({"occurrence": "__next__", "companions": 2}, 400, "companions"),
])
def test_a_bad_date_is_refused_and_nothing_is_stored(organiser, group, body, status, field):
    other = weekly_event(organiser)
    past, upcoming = dates_of(group)[1], dates_of(group)[2]
    named = {"__other_event__": dates_of(other)[0], "__past__": past, "__next__": upcoming}
    if body.get("occurrence") in named:
        body = {**body, "occurrence": str(named[body["occurrence"]].pk)}
    response = client_for(UserFactory()).post(url(group), body, format="json")
    assert response.status_code == status, response.json()
    assert field in response.json(), response.json()
    nothing_stored(group, other)


def test_an_exception_date_has_no_occurrence_to_register_for(organiser, group):
    upcoming = dates_of(group)[2]
    local_day = upcoming.starts_at.astimezone(ZoneInfo(group.timezone)).date()
    response = client_for(organiser).patch(f"{EVENTS}{group.pk}/",
                                           {"exdates": [local_day.isoformat()]}, format="json")
    assert response.status_code == 200, response.json()
    assert not Occurrence.objects.filter(pk=upcoming.pk).exists()
    response = client_for(UserFactory()).post(url(group), {"occurrence": str(upcoming.pk)},
                                              format="json")
    assert response.status_code == 400 and "occurrence" in response.json()
    nothing_stored(group)


def test_a_cancelled_date_or_twice_the_same_date_is_a_conflict(organiser, group):
    upcoming, last = dates_of(group)[2:]
    cancel_event(group, occurrence=last)
    member = UserFactory()
    response = client_for(member).post(url(group), {"occurrence": str(last.pk)}, format="json")
    assert response.status_code == 409, response.json()
    nothing_stored(group)
    assert client_for(member).post(url(group), {"occurrence": str(upcoming.pk)},
                                   format="json").status_code == 201
    again = client_for(member).post(url(group), {"occurrence": str(upcoming.pk)},
                                    format="json")
    assert again.status_code == 409 and "date" in again.json()["detail"]
    assert Registration.objects.filter(event=group).count() == 1


def test_a_series_event_refuses_a_date(organiser):
    course = weekly_event(organiser, registration_scope="series")
    response = client_for(UserFactory()).post(
        url(course), {"occurrence": str(dates_of(course)[0].pk)}, format="json")
    assert response.status_code == 400 and "occurrence" in response.json()
    nothing_stored(course)


def test_a_one_off_event_refuses_registration_per_occurrence(organiser):
    body = {**a_valid_event(VenueFactory(owner=organiser)), "registration_required": True,
            "registration_scope": "occurrence"}
    response = client_for(organiser).post(EVENTS, body, format="json")
    assert response.status_code == 400 and "registration_scope" in response.json()
    assert not Occurrence.objects.exists()


@pytest.mark.parametrize("rest", ["registrations/mine/", "participants/", "waiting-list/"])
@pytest.mark.parametrize("occurrence", [None, "nope", "__other_event__"])
def test_reads_of_one_date_name_a_date_of_the_event(organiser, group, rest, occurrence):
    member = UserFactory()
    services.register(member=member, event=group, occurrence=dates_of(group)[2])
    if occurrence == "__other_event__":
        occurrence = str(dates_of(weekly_event(organiser))[0].pk)
    params = {} if occurrence is None else {"occurrence": occurrence}
    response = client_for(member).get(url(group, rest), params)
    assert response.status_code == 400 and "occurrence" in response.json(), response.json()


def test_participants_and_shared_needs_are_seen_date_by_date(organiser, group):
    upcoming, last = dates_of(group)[2:]
    same_date, shown_elsewhere = UserFactory(), UserFactory()
    sharing = consent_to_health_data(UserFactory())
    services.register(group, sharing, occurrence=upcoming, shown_to_participants=True,
                      shared_needs=["seating"], shared_needs_note="Canne")
    services.register(group, same_date, occurrence=upcoming)
    services.register(group, shown_elsewhere, occurrence=last, shown_to_participants=True)

    def participants(viewer, date):
        response = client_for(viewer).get(url(group, "participants/"),
                                          {"occurrence": str(date.pk)})
        assert response.status_code == 200, response.json()
        return sorted(row["handle"] for row in response.json()["results"])

    handle = {m: m.profile.handle for m in (sharing, same_date, shown_elsewhere)}
    assert participants(same_date, upcoming) == [handle[sharing]]
    assert participants(same_date, last) == []  # not coming that day: sees no one
    assert participants(shown_elsewhere, upcoming) == []
    assert participants(shown_elsewhere, last) == [handle[shown_elsewhere]]
    assert participants(UserFactory(), upcoming) == []
    # The organiser's list, one date at a time or every date, with the needs shared.
    rows = client_for(organiser).get(url(group), {"occurrence": str(upcoming.pk)}).json()[
        "results"]
    assert {(r["handle"], r["occurrence"]) for r in rows} == {
        (handle[sharing], str(upcoming.pk)), (handle[same_date], str(upcoming.pk))}
    assert [r["shared_needs_note"] for r in rows if r["handle"] == handle[sharing]] == ["Canne"]
    assert len(client_for(organiser).get(url(group)).json()["results"]) == 3
    assert client_for(same_date).get(url(group)).status_code == 403


def test_the_online_link_opens_only_for_the_date_one_registered_for(organiser):
    start = timezone.now() + timedelta(minutes=10)
    event = weekly_event(organiser, mode="online", starts_at=start,
                         ends_at=start + timedelta(hours=1))
    today, next_week = dates_of(event)[:2]
    coming_today, coming_next_week, waiting = UserFactory(), UserFactory(), UserFactory()
    services.register(event, coming_today, occurrence=today)
    services.register(event, coming_next_week, occurrence=next_week)
    event.capacity = 1
    event.save(update_fields=["capacity"])
    services.register(event, waiting, occurrence=today)

    def link(viewer):
        return client_for(viewer).get(f"{EVENTS}{event.pk}/").json()["online_link"]

    assert link(coming_today) == link(organiser) == "https://visio.example.org/room"
    assert link(coming_next_week) is link(waiting) is link(UserFactory()) is link(None) is None


def test_export_names_the_date_and_erasure_frees_the_places_to_come(organiser, group):
    past, upcoming = dates_of(group)[1:3]
    member, next_in_line = UserFactory(), UserFactory()
    services.register(group, member, occurrence=past, now=past.starts_at - timedelta(days=1))
    services.register(group, member, occurrence=upcoming, companions=1)
    services.register(group, next_in_line, occurrence=upcoming)
    exported = AgendaPrivacyHandler().export(member)["registrations"]
    assert sorted(r["occurrence"] for r in exported) == sorted([str(past.pk), str(upcoming.pk)])
    assert all(r["date"] for r in exported)
    AgendaPrivacyHandler().erase(member)
    assert not Registration.objects.filter(member=member).exists()
    statuses = dict(Registration.objects.filter(event=group).values_list("occurrence", "status")
                    .exclude(member=next_in_line))
    assert statuses == {past.pk: "confirmed", upcoming.pk: "cancelled"}  # the past one counts
    assert Registration.objects.get(member=next_in_line).status == "offered"
    assert Occurrence.objects.get(pk=past.pk).places_taken == 1
    assert Occurrence.objects.get(pk=upcoming.pk).places_taken == 1


def test_a_registration_event_without_dates_named_keeps_working_for_the_series(organiser):
    event = registration_event(organiser)
    response = client_for(UserFactory()).post(url(event), {}, format="json")
    assert response.status_code == 201 and response.json()["occurrence"] is None


def test_the_personal_feed_shows_the_dates_registered_for_alone(organiser):
    group = weekly_event(organiser, title="Groupe du jeudi")
    course = weekly_event(organiser, title="Cycle d'ateliers", registration_scope="series")
    member = UserFactory()
    second, third = dates_of(group)[1:3]
    services.register(group, member, occurrence=second)
    services.register(group, member, occurrence=third)
    services.cancel_registration(Registration.objects.get(member=member, occurrence=third))
    services.register(course, member)
    _feed, token = create_feed_token(member)
    response = client_for(None).get(f"/api/v1/agenda/feed/{token}.ics")
    assert response.status_code == 200
    items = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    by_title = {}
    for item in items:
        by_title.setdefault(str(item["SUMMARY"]), []).append(item)
    [date] = by_title["Groupe du jeudi"]
    assert date.decoded("DTSTART") == second.starts_at and "RRULE" not in date
    assert str(date["UID"]) == f"{second.pk}@stent"
    [series] = by_title["Cycle d'ateliers"]  # a series registration: the whole series
    assert "RRULE" in series


def test_a_change_of_the_series_is_told_to_those_whose_date_is_to_come(
        organiser, group, django_capture_on_commit_callbacks):
    past, upcoming = dates_of(group)[1:3]
    came, coming = UserFactory(), UserFactory()
    services.register(group, came, occurrence=past, now=past.starts_at - timedelta(days=1))
    services.register(group, coming, occurrence=upcoming)
    with django_capture_on_commit_callbacks(execute=True):
        update_event(group, organiser, title="Groupe de parole du jeudi")
    assert list(Notification.objects.filter(recipient=coming).values_list(
        "kind", flat=True)) == ["agenda.changed"]
    assert not Notification.objects.filter(recipient=came).exists()
