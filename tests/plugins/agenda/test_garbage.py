"""Garbage in any field or parameter of every agenda endpoint is a 4xx, never a 5xx."""
import uuid

import pytest

from plugins.agenda.services import registrations as services
from tests.factories import UserFactory
from tests.plugins.agenda.conftest import client_for
from tests.plugins.agenda.factories import registration_event

pytestmark = pytest.mark.django_db

JUNK = [None, "x" * 5000, -1, 10**12, [], {"a": 1}, "\x00ÿ💥", str(uuid.uuid4())]
FIELDS = ["title", "starts_at", "ends_at", "timezone", "recurrence", "exdates", "capacity",
          "venue", "community", "price", "mode", "companions", "shared_needs", "answer",
          "occurrence", "reason", "step_free", "audience", "max_companions", "all_day"]


@pytest.fixture
def setting(organiser):
    event = registration_event(organiser)
    member = UserFactory()
    services.register(event, member)
    base = f"/api/v1/agenda/events/{event.pk}/"
    writes = [(organiser, "post", "/api/v1/agenda/events/"), (organiser, "patch", base),
              (organiser, "post", base + "cancel/"), (organiser, "post", base + "postpone/"),
              (UserFactory(), "post", base + "registrations/"),
              (member, "patch", base + "registrations/mine/"), (member, "put", base + "rsvp/"),
              (member, "post", "/api/v1/agenda/venues/"),
              (member, "put", "/api/v1/agenda/me/needs/")]
    return writes


def test_junk_bodies_never_cause_a_server_error(setting):
    from django.core.cache import cache

    for user, method, url in setting:
        client = client_for(user)
        cache.clear()  # the throttle's counters: this test sends many requests on purpose
        for field in FIELDS:
            for value in JUNK:
                response = getattr(client, method)(url, {field: value}, format="json")
                assert response.status_code < 500, (method, url, field, value)
        assert getattr(client, method)(url, "not json", content_type="application/json"
                                       ).status_code == 400


@pytest.mark.parametrize("url", ["/api/v1/agenda/events/", "/api/v1/agenda/occurrences/"])
def test_junk_parameters_never_cause_a_server_error(url):
    client = client_for()
    for name in ("from", "to", "category", "region", "online", "accessibility", "community",
                 "my_needs", "cursor", "page_size"):
        for value in ("", "x" * 3000, "-1", "9" * 30, "\x00", "2027-02-30", "true,false",
                      "0001-01-01", "9999-12-31T23:59:59", "step_free,,"):
            assert client.get(url, {name: value}).status_code < 500, (name, value)
