"""Registering with companions, capacity, the waiting list in order, offers, approval, RSVP."""
from datetime import timedelta

import pytest
from django.utils import timezone

from core.notifications.models import Notification
from plugins.agenda.models import Event, Registration
from plugins.agenda.services import registrations as services
from plugins.agenda.services.waiting_list import expire_offers
from tests.factories import UserFactory
from tests.plugins.agenda.conftest import client_for, consent_to_health_data
from tests.plugins.agenda.factories import make_event, registration_event

pytestmark = pytest.mark.django_db


def url(event, rest="registrations/"):
    return f"/api/v1/agenda/events/{event.pk}/{rest}"


def taken(event):
    return Event.objects.get(pk=event.pk).places_taken


def test_companions_count_against_capacity_and_the_rest_waits_in_order(
        organiser, django_capture_on_commit_callbacks):
    event = registration_event(organiser, capacity=5)
    first, second, third, fourth = (UserFactory() for _ in range(4))
    response = client_for(first).post(url(event), {"companions": 2}, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["status"] == "confirmed"
    assert client_for(second).post(url(event), {"companions": 1}, format="json").json()[
        "status"] == "confirmed"
    assert taken(event) == 5
    waiting = [client_for(m).post(url(event), {}, format="json").json() for m in (third, fourth)]
    assert [w["status"] for w in waiting] == ["waiting", "waiting"]
    assert waiting[0]["position"] < waiting[1]["position"]
    # The second registrant cancels: two places free, the first in line is offered one.
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(second).delete(url(event, "registrations/mine/"))
    assert response.status_code == 200 and response.json()["status"] == "cancelled"
    statuses = dict(Registration.objects.filter(event=event).values_list("member", "status"))
    assert statuses[third.pk] == "offered" and statuses[fourth.pk] == "offered"
    assert taken(event) == 5
    assert Notification.objects.filter(recipient=third, kind="agenda.place_offered").count() == 1
    response = client_for(third).post(url(event, "registrations/mine/confirm/"))
    assert response.status_code == 200 and response.json()["status"] == "confirmed"


def test_a_party_too_big_for_the_free_place_keeps_the_head_of_the_line(organiser):
    event = registration_event(organiser, capacity=2)
    holder, big, small = UserFactory(), UserFactory(), UserFactory()
    services.register(event, holder, companions=1)
    services.register(event, big, companions=2)
    services.register(event, small)
    services.cancel_registration(Registration.objects.get(member=holder))
    # Two places free: the party of three does not fit, the single member behind it waits.
    statuses = dict(Registration.objects.filter(event=event).values_list("member", "status"))
    assert statuses[big.pk] == "waiting" and statuses[small.pk] == "waiting"


def test_an_offer_not_confirmed_in_time_goes_to_the_next(organiser):
    event = registration_event(organiser, capacity=1)
    holder, late, next_one = UserFactory(), UserFactory(), UserFactory()
    services.register(event, holder)
    services.register(event, late)
    services.register(event, next_one)
    services.cancel_registration(Registration.objects.get(member=holder))
    assert Registration.objects.get(member=late).status == "offered"
    assert expire_offers(now=timezone.now() + timedelta(days=2)) == 1
    assert Registration.objects.get(member=late).status == "expired"
    assert Registration.objects.get(member=next_one).status == "offered"
    assert taken(event) == 1
    response = client_for(late).post(url(event, "registrations/mine/confirm/"))
    assert response.status_code == 404


def test_approval_holds_the_place_until_the_organiser_decides(
        organiser, django_capture_on_commit_callbacks):
    event = registration_event(organiser, capacity=1, requires_approval=True)
    asking, waiting = UserFactory(), UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(asking).post(url(event), {}, format="json")
    assert response.json()["status"] == "pending"
    assert Notification.objects.filter(recipient=organiser,
                                       kind="agenda.approval_requested").exists()
    services.register(event, waiting)
    pending = Registration.objects.get(member=asking)
    assert client_for(asking).post(url(event, f"registrations/{pending.pk}/refuse/")
                                   ).status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(organiser).post(url(event, f"registrations/{pending.pk}/refuse/"))
    assert response.status_code == 200 and response.json()["status"] == "refused"
    assert Registration.objects.get(member=waiting).status == "offered"
    assert Notification.objects.filter(recipient=asking, kind="agenda.decided").exists()


def test_raising_the_capacity_promotes_the_waiting_list(organiser):
    event = registration_event(organiser, capacity=1)
    services.register(event, UserFactory())
    waiting = UserFactory()
    services.register(event, waiting)
    response = client_for(organiser).patch(url(event, ""), {"capacity": 3}, format="json")
    assert response.status_code == 200, response.json()
    assert Registration.objects.get(member=waiting).status == "offered"


def test_the_organiser_lists_registrations_and_the_waiting_list(organiser):
    event = registration_event(organiser, capacity=1)
    registrant, waiting = consent_to_health_data(UserFactory()), UserFactory()
    services.register(event, registrant, companions=1 - 1, shared_needs=["step_free"],
                      shared_needs_note="Fauteuil roulant")
    services.register(event, waiting)
    rows = client_for(organiser).get(url(event)).json()["results"]
    assert {row["handle"] for row in rows} == {registrant.profile.handle, waiting.profile.handle}
    mine = next(row for row in rows if row["handle"] == registrant.profile.handle)
    assert mine["shared_needs"] == ["step_free"] and mine["shared_needs_note"] == "Fauteuil roulant"
    line = client_for(organiser).get(url(event, "waiting-list/")).json()["results"]
    assert [row["handle"] for row in line] == [waiting.profile.handle]
    assert client_for(waiting).get(url(event, "waiting-list/")).json()["results"][0][
        "handle"] == waiting.profile.handle
    assert client_for(waiting).delete(url(event, "waiting-list/")).json()["status"] == "cancelled"


def test_rsvp_for_an_open_event_is_one_answer_per_member(organiser, member):
    event = make_event(organiser)
    client = client_for(member)
    rsvp = url(event, "rsvp/")
    assert client.put(rsvp, {"answer": "maybe"}, format="json").json()["mine"] == "maybe"
    body = client.put(rsvp, {"answer": "going"}, format="json").json()
    assert body["mine"] == "going"
    assert body["counts"]["suppressed"] is True  # one answer: below the minimum group size
    assert event.rsvps.count() == 1
    for _ in range(10):
        client_for(UserFactory()).put(rsvp, {"answer": "going"}, format="json")
    counts = client_for().get(rsvp).json()["counts"]
    assert counts["going"] == 11
    assert client.delete(rsvp).json()["mine"] is None
