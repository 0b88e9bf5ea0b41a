"""Bad input gets a clear 4xx and stores nothing."""
from datetime import timedelta

import pytest
from django.utils import timezone

from plugins.agenda.models import Event, Occurrence, Registration, Venue
from plugins.agenda.services import registrations as services
from plugins.agenda.services.events import cancel_event
from tests.factories import UserFactory
from tests.plugins.agenda.conftest import client_for
from tests.plugins.agenda.factories import VenueFactory, make_event, registration_event

pytestmark = pytest.mark.django_db

URL = "/api/v1/agenda/events/"


def a_valid_event(venue):
    start = timezone.now() + timedelta(days=5)
    return {"title": "Marche adaptée", "description": "Au bord du canal", "category": "sport",
            "starts_at": start.isoformat(), "ends_at": (start + timedelta(hours=2)).isoformat(),
            "venue": str(venue.pk)}


@pytest.mark.parametrize("change, field", [
    ({"title": None}, "title"),
    ({"starts_at": "tomorrow"}, "starts_at"),
    ({"ends_at": "__start_minus_an_hour__"}, "ends_at"),
    ({"timezone": "Mars/Olympus"}, "timezone"),
    ({"recurrence": "FREQ=HOURLY"}, "recurrence"),
    ({"recurrence": "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"}, "recurrence"),
    ({"recurrence": "FREQ=DAILY;BYHOUR=3"}, "recurrence"),
    ({"recurrence": "nonsense"}, "recurrence"),
    ({"exdates": ["2027-02-30"]}, "exdates"),
    ({"exdates": ["2027-02-03"]}, "exdates"),  # a one-off event has no exception dates
    ({"capacity": 0}, "capacity"),
    ({"capacity": "many"}, "capacity"),
    ({"max_companions": 11}, "max_companions"),
    ({"mode": "online"}, "online_url"),
    ({"mode": "teleport"}, "mode"),
    ({"venue": None}, "venue"),
    ({"venue": "not-a-uuid"}, "venue"),
    ({"audience": "community"}, "community"),
    ({"price": {"amount": 1.5, "currency": "EUR"}}, "price"),
    ({"price": {"amount": 500, "currency": "XYZ"}}, "price"),
    ({"organiser_kind": "association"}, "organiser_kind"),
    ({"registration_opens_at": "2027-01-02T10:00:00Z",
      "registration_closes_at": "2027-01-01T10:00:00Z"}, "registration_closes_at"),
])
def test_a_bad_event_is_refused_and_nothing_is_stored(organiser, change, field):
    body = {**a_valid_event(VenueFactory(owner=organiser)), **change}
    if body.get("ends_at") == "__start_minus_an_hour__":
        body["ends_at"] = (timezone.now() + timedelta(days=5) - timedelta(hours=1)).isoformat()
    body = {key: value for key, value in body.items() if value is not None or key != "title"}
    response = client_for(organiser).post(URL, body, format="json")
    assert response.status_code == 400, response.json()
    assert field in response.json(), response.json()
    assert not Event.objects.exists() and not Occurrence.objects.exists()


def test_someone_elses_private_venue_cannot_be_used(organiser):
    private = VenueFactory(audience="private")
    response = client_for(organiser).post(URL, a_valid_event(private), format="json")
    assert response.status_code == 400 and "venue" in response.json()


def test_the_capacity_cannot_go_below_the_places_taken(organiser):
    event = registration_event(organiser, capacity=5)
    services.register(event, UserFactory(), companions=2)
    response = client_for(organiser).patch(f"{URL}{event.pk}/", {"capacity": 2}, format="json")
    assert response.status_code == 400 and "capacity" in response.json()
    assert Event.objects.get(pk=event.pk).capacity == 5


def test_an_update_ending_before_its_start_changes_nothing(organiser):
    event = make_event(organiser)
    response = client_for(organiser).patch(f"{URL}{event.pk}/", {
        "ends_at": (event.starts_at - timedelta(hours=1)).isoformat()}, format="json")
    assert response.status_code == 400 and "ends_at" in response.json()
    assert Event.objects.get(pk=event.pk).ends_at == event.ends_at


def register(event, member, body=None):
    return client_for(member).post(f"{URL}{event.pk}/registrations/", body or {}, format="json")


def test_registration_refusals(organiser):
    member = UserFactory()
    event = registration_event(organiser, max_companions=1)
    assert register(event, member, {"companions": 2}).status_code == 400
    assert register(event, member, {"companions": -1}).status_code == 400
    assert register(event, member, {"companions": "two"}).status_code == 400
    assert register(event, member, {"shared_needs": ["wings"]}).status_code == 400
    assert not Registration.objects.exists()
    assert register(event, member).status_code == 201
    second = register(event, member)
    assert second.status_code == 409 and "detail" in second.json()
    assert Registration.objects.count() == 1
    assert Event.objects.get(pk=event.pk).places_taken == 1


def test_no_registration_for_a_cancelled_past_or_open_event(organiser):
    member = UserFactory()
    cancelled = registration_event(organiser)
    cancel_event(cancelled)
    past_start = timezone.now() - timedelta(days=2)
    past = registration_event(organiser, starts_at=past_start,
                              ends_at=past_start + timedelta(hours=1))
    open_event = make_event(organiser)
    for event in (cancelled, past, open_event):
        assert register(event, member).status_code == 409
    closed = registration_event(organiser,
                                registration_closes_at=timezone.now() - timedelta(hours=1))
    assert register(closed, member).status_code == 409
    hidden = registration_event(organiser, audience="private")
    assert register(hidden, member).status_code == 404
    assert register(hidden, None).status_code in (401, 403)
    assert not Registration.objects.exists()


def test_rsvp_refusals(organiser, member):
    with_registration = registration_event(organiser)
    client = client_for(member)
    assert client.put(f"{URL}{with_registration.pk}/rsvp/", {"answer": "going"},
                      format="json").status_code == 409
    open_event = make_event(organiser)
    assert client.put(f"{URL}{open_event.pk}/rsvp/", {"answer": "yes!"},
                      format="json").status_code == 400
    assert client.put(f"{URL}{open_event.pk}/rsvp/", {}, format="json").status_code == 400
    assert not open_event.rsvps.exists()


def test_an_occurrence_range_over_the_maximum_is_refused():
    response = client_for().get("/api/v1/agenda/occurrences/",
                                {"from": "2027-01-01", "to": "2028-01-01"})
    assert response.status_code == 400 and "to" in response.json()


def test_cancel_and_postpone_refusals(organiser):
    event = make_event(organiser)
    client = client_for(organiser)
    assert client.post(f"{URL}{event.pk}/postpone/", {"starts_at": "soon"},
                       format="json").status_code == 400
    past = (timezone.now() - timedelta(days=1)).isoformat()
    assert client.post(f"{URL}{event.pk}/postpone/", {"starts_at": past, "ends_at": past},
                       format="json").status_code == 400
    assert client.post(f"{URL}{event.pk}/cancel/", {"occurrence": "nope"},
                       format="json").status_code == 400
    import uuid

    assert client.post(f"{URL}{event.pk}/cancel/", {"occurrence": str(uuid.uuid4())},
                       format="json").status_code == 404
    assert Event.objects.get(pk=event.pk).status == "scheduled"


def test_venue_refusals(organiser):
    client = client_for(organiser)
    assert client.post("/api/v1/agenda/venues/", {"name": "Salle"}, format="json"
                       ).status_code == 400
    venue = VenueFactory(owner=organiser)
    make_event(organiser, venue=venue)
    assert client.delete(f"/api/v1/agenda/venues/{venue.pk}/").status_code == 409
    assert client_for(UserFactory()).patch(f"/api/v1/agenda/venues/{venue.pk}/",
                                           {"name": "Mine"}, format="json").status_code == 403
    assert Venue.objects.get(pk=venue.pk).name == venue.name
