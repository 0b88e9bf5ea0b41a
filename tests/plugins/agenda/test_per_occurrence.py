"""Registration per occurrence: a weekly group's member comes to one session, and places, the
waiting list, cancellations, approval, reminders and notifications work date by date."""
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from core.errors import Conflict
from core.notifications.models import Notification
from plugins.agenda.models import Event, Occurrence, Registration
from plugins.agenda.services import registrations as services
from plugins.agenda.services.events import cancel_event, postpone_event, update_event
from plugins.agenda.services.reminders import send_reminders
from plugins.agenda.services.waiting_list import expire_offers, move_places
from tests.factories import UserFactory
from tests.plugins.agenda.conftest import client_for
from tests.plugins.agenda.factories import dates_of, make_event, weekly_event

pytestmark = pytest.mark.django_db

EVENTS = "/api/v1/agenda/events/"
PARIS = ZoneInfo("Europe/Paris")


def register(member, event, occurrence, **body):
    return client_for(member).post(f"{EVENTS}{event.pk}/registrations/",
                                   {"occurrence": str(occurrence.pk), **body}, format="json")


def taken(occurrence):
    return Occurrence.objects.get(pk=occurrence.pk).places_taken


def kinds_of(member):
    return list(Notification.objects.filter(recipient=member).values_list("kind", flat=True))


def test_a_recurring_event_registers_per_occurrence_unless_the_organiser_says_series(organiser):
    assert weekly_event(organiser).registration_scope == "occurrence"
    assert make_event(organiser, registration_required=True).registration_scope == "series"
    course = weekly_event(organiser, registration_scope="series")
    assert course.registration_scope == "series"
    # An event that stops recurring registers for the series again.
    assert update_event(weekly_event(organiser), organiser,
                        recurrence="").registration_scope == "series"


def test_each_date_counts_its_own_places_and_the_lists_show_them(organiser):
    event = weekly_event(organiser, capacity=3, max_companions=1)
    first, second = dates_of(event)[:2]
    member, other = UserFactory(), UserFactory()
    response = register(member, event, first, companions=1)
    assert response.status_code == 201, response.json()
    assert response.json()["occurrence"] == str(first.pk)
    assert response.json()["status"] == "confirmed"
    assert register(member, event, second).status_code == 201  # another date: fine
    assert register(other, event, first).status_code == 201
    assert (taken(first), taken(second)) == (3, 1)
    assert Event.objects.get(pk=event.pk).places_taken == 0
    rows = client_for(member).get("/api/v1/agenda/occurrences/", {
        "from": timezone.now().isoformat(),
        "to": (timezone.now() + timedelta(days=40)).isoformat()}).json()["results"]
    places = {row["id"]: row["places_left"] for row in rows if row["event"] == str(event.pk)}
    assert places[str(first.pk)] == 0 and places[str(second.pk)] == 2
    assert sorted(set(places.values())) == [0, 2, 3]
    assert {row["registration_scope"] for row in rows} == {"occurrence"}
    [listed] = [row for row in client_for(member).get(EVENTS).json()["results"]
                if row["id"] == str(event.pk)]
    assert listed["registration_scope"] == "occurrence" and listed["places_left"] is None
    # The member's own registration of each date, named by ?occurrence=.
    mine = client_for(member).get(f"{EVENTS}{event.pk}/registrations/mine/",
                                  {"occurrence": str(second.pk)}).json()
    assert mine["occurrence"] == str(second.pk) and mine["companions"] == 0


def test_a_series_registration_still_shows_the_series_places_on_each_date(organiser):
    event = weekly_event(organiser, capacity=3, registration_scope="series")
    services.register(event, UserFactory())
    rows = client_for(None).get("/api/v1/agenda/occurrences/", {
        "to": (timezone.now() + timedelta(days=40)).isoformat()}).json()["results"]
    assert {row["places_left"] for row in rows if row["event"] == str(event.pk)} == {2}
    plain = make_event(organiser)  # no registration: no places to count
    rows = client_for(None).get("/api/v1/agenda/occurrences/").json()["results"]
    assert {row["places_left"] for row in rows if row["event"] == str(plain.pk)} == {None}


def test_the_waiting_list_and_promotion_stay_within_one_date(
        organiser, django_capture_on_commit_callbacks):
    event = weekly_event(organiser, capacity=2, max_companions=0)
    first, second = dates_of(event)[:2]
    holders = [UserFactory() for _ in range(2)]
    line = [UserFactory() for _ in range(2)]
    for member in holders + line:
        services.register(event, member, occurrence=first)
    elsewhere = services.register(event, UserFactory(), occurrence=second)
    assert elsewhere.status == "confirmed"  # the first date's line does not reach the second
    waiting = Registration.objects.filter(occurrence=first, status="waiting").order_by("position")
    assert [(r.member, r.position) for r in waiting] == [(line[0], 1), (line[1], 2)]
    full_second = [services.register(event, UserFactory(), occurrence=second)
                   for _ in range(2)]
    assert [r.status for r in full_second] == ["confirmed", "waiting"]
    assert full_second[1].position == 1  # each date numbers its own line
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_registration(Registration.objects.get(member=holders[0]))
    statuses = [Registration.objects.get(member=m).status for m in line]
    assert statuses == ["offered", "waiting"]
    assert kinds_of(line[0]) == ["agenda.place_offered"]
    assert Registration.objects.get(pk=full_second[1].pk).status == "waiting"
    assert (taken(first), taken(second)) == (2, 2)
    # The offer lapses: the place goes to the next in line of the same date, once.
    later = timezone.now() + timedelta(days=2)
    assert expire_offers(now=later) == 1
    assert [Registration.objects.get(member=m).status for m in line] == ["expired", "offered"]
    assert taken(first) == 2


def test_approval_and_refusal_free_the_places_of_their_own_date(organiser):
    event = weekly_event(organiser, capacity=1, requires_approval=True)
    first, second = dates_of(event)[:2]
    asking, next_in_line, other = UserFactory(), UserFactory(), UserFactory()
    pending = services.register(event, asking, occurrence=first)
    assert pending.status == "pending" and taken(first) == 1
    assert services.register(event, next_in_line, occurrence=first).status == "waiting"
    assert services.register(event, other, occurrence=second).status == "pending"
    services.decide(pending, approve=False)
    assert Registration.objects.get(member=next_in_line).status == "offered"
    assert (taken(first), taken(second)) == (1, 1)
    offered = Registration.objects.get(member=next_in_line)
    assert services.confirm_offer(offered).status == "pending"


def test_a_cancelled_date_cancels_its_registrations_and_tells_only_them(
        organiser, django_capture_on_commit_callbacks):
    event = weekly_event(organiser, capacity=1)
    first, second = dates_of(event)[:2]
    coming, waiting, other_date = UserFactory(), UserFactory(), UserFactory()
    services.register(event, coming, occurrence=first)
    services.register(event, waiting, occurrence=first)
    services.register(event, other_date, occurrence=second)
    with django_capture_on_commit_callbacks(execute=True):
        cancel_event(event, reason="Salle inondée", occurrence=first)
    assert kinds_of(coming) == kinds_of(waiting) == ["agenda.cancelled"]
    assert not kinds_of(other_date)
    assert set(Registration.objects.filter(occurrence=first).values_list(
        "status", flat=True)) == {"cancelled"}
    assert taken(first) == 0 and taken(second) == 1
    response = register(UserFactory(), event, first)
    assert response.status_code == 409, response.json()
    assert Registration.objects.filter(occurrence=first).count() == 2


def test_a_date_postponed_on_its_own_tells_its_registrants_and_keeps_them(
        organiser, django_capture_on_commit_callbacks):
    event = weekly_event(organiser)
    first, second = dates_of(event)[:2]
    coming, other_date = UserFactory(), UserFactory()
    kept = services.register(event, coming, occurrence=first)
    services.register(event, other_date, occurrence=second)
    later = first.starts_at + timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        postpone_event(event, starts_at=later, ends_at=later + timedelta(hours=2),
                       occurrence=first)
    assert kinds_of(coming) == ["agenda.postponed"] and not kinds_of(other_date)
    assert Registration.objects.get(pk=kept.pk).status == "confirmed"
    # Still taking registrations, at its new date.
    assert services.register(event, UserFactory(), occurrence=first).status == "confirmed"


def test_a_date_the_rule_no_longer_gives_is_kept_cancelled_for_its_registrants(
        organiser, django_capture_on_commit_callbacks):
    event = weekly_event(organiser)
    last = dates_of(event)[-1]
    coming = UserFactory()
    services.register(event, coming, occurrence=last)
    with django_capture_on_commit_callbacks(execute=True):
        update_event(event, organiser, recurrence="FREQ=WEEKLY;COUNT=3")
    last.refresh_from_db()
    assert last.cancelled
    assert Registration.objects.get(member=coming).status == "cancelled"
    assert "agenda.cancelled" in kinds_of(coming)
    assert Occurrence.objects.filter(event=event, cancelled=False).count() == 3


def test_a_registrant_of_one_date_is_reminded_of_that_date_only(
        organiser, django_capture_on_commit_callbacks):
    start = datetime(2027, 5, 4, 18, 0, tzinfo=PARIS)
    event = weekly_event(organiser, starts_at=start, ends_at=start + timedelta(hours=2))
    first, second = dates_of(event)[:2]
    tomorrow, next_week, stranger = UserFactory(), UserFactory(), UserFactory()
    services.register(event, tomorrow, occurrence=first, now=start - timedelta(days=3))
    services.register(event, next_week, occurrence=second, now=start - timedelta(days=3))
    with django_capture_on_commit_callbacks(execute=True):
        assert send_reminders(now=datetime(2027, 5, 3, 19, 0, tzinfo=PARIS)) == 1
        assert send_reminders(now=datetime(2027, 5, 10, 19, 0, tzinfo=PARIS)) == 1
    assert kinds_of(tomorrow) == kinds_of(next_week) == ["agenda.reminder"]
    assert not kinds_of(stranger)


def test_capacity_is_kept_above_the_fullest_date_and_the_scope_stays_once_booked(organiser):
    event = weekly_event(organiser, capacity=3, max_companions=2)
    services.register(event, UserFactory(), occurrence=dates_of(event)[1], companions=2)
    for change, field in (({"capacity": 2}, "capacity"),
                          ({"registration_scope": "series"}, "registration_scope")):
        response = client_for(organiser).patch(f"{EVENTS}{event.pk}/", change, format="json")
        assert response.status_code == 400 and field in response.json(), response.json()
    event.refresh_from_db()
    assert (event.capacity, event.registration_scope) == (3, "occurrence")


def test_a_capacity_raised_offers_places_on_each_date(organiser,
                                                      django_capture_on_commit_callbacks):
    event = weekly_event(organiser, capacity=1)
    first, second = dates_of(event)[:2]
    lines = {}
    for date in (first, second):
        services.register(event, UserFactory(), occurrence=date)
        lines[date.pk] = services.register(event, UserFactory(), occurrence=date)
    with django_capture_on_commit_callbacks(execute=True):
        update_event(event, organiser, capacity=2)
    assert {Registration.objects.get(pk=r.pk).status for r in lines.values()} == {"offered"}
    assert (taken(first), taken(second)) == (2, 2)


def test_the_update_taking_places_matches_only_while_they_fit(organiser):
    """The backstop behind the locks: a date's places are taken by a conditional UPDATE."""
    event = weekly_event(organiser, capacity=2)
    first = dates_of(event)[0]
    move_places(event, first, 2)
    with pytest.raises(Conflict):
        move_places(event, first, 1)
    assert taken(first) == 2


def test_an_event_whose_date_registrations_are_all_cancelled_can_be_deleted(organiser):
    event = weekly_event(organiser)
    registration = services.register(event, UserFactory(), occurrence=dates_of(event)[1])
    response = client_for(organiser).delete(f"{EVENTS}{event.pk}/")
    assert response.status_code == 409  # someone is registered: cancel the event instead
    services.cancel_registration(registration)
    assert client_for(organiser).delete(f"{EVENTS}{event.pk}/").status_code == 204
    assert not Registration.objects.exists() and not Occurrence.objects.exists()
