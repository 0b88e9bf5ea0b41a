"""Every list endpoint runs the same number of queries at page sizes 1 and 50."""
from datetime import timedelta

import pytest
from django.utils import timezone

from plugins.agenda.services import registrations as services
from plugins.agenda.services.needs import create_feed_token
from tests.factories import UserFactory
from tests.kit import assert_constant_queries
from tests.plugins.agenda.conftest import client_for
from tests.plugins.agenda.factories import (VenueFactory, dates_of, make_event,
                                            registration_event, weekly_event)

pytestmark = pytest.mark.django_db


@pytest.fixture
def crowd(organiser):
    """Sixty events (one a daily series), sixty venues, an event with sixty registrants shown to
    each other and sixty waiting, sixty feed addresses."""
    start = timezone.now() + timedelta(days=1)
    make_event(organiser, starts_at=start, ends_at=start + timedelta(hours=1),
               recurrence="FREQ=DAILY;COUNT=60")
    for n in range(59):
        make_event(organiser, title=f"Event {n}", venue=VenueFactory(owner=organiser))
    busy = registration_event(organiser, capacity=60, max_companions=0)
    for _ in range(120):
        services.register(busy, UserFactory(), shown_to_participants=True)
    participant = busy.registrations.filter(status="confirmed").first().member
    for _ in range(60):
        create_feed_token(organiser)
    return busy, participant


LISTS = [("events/", "anonymous"), ("events/", "organiser"), ("occurrences/", "anonymous"),
         ("occurrences/", "member"), ("venues/", "member"),
         ("events/{busy}/registrations/", "organiser"),
         ("events/{busy}/participants/", "participant"),
         ("events/{busy}/waiting-list/", "organiser"), ("me/feed/", "organiser")]


def test_per_date_lists_do_not_grow_with_the_page(organiser):
    """A weekly group registering per date: sixty dates with places, one date with sixty
    participants shown and sixty waiting."""
    group = weekly_event(organiser, capacity=60, max_companions=0,
                         recurrence="FREQ=DAILY;COUNT=60")
    busy = dates_of(group)[0]
    for _ in range(120):
        services.register(group, UserFactory(), occurrence=busy, shown_to_participants=True)
    participant = group.registrations.filter(status="confirmed").first().member
    date = {"occurrence": str(busy.pk)}
    base = f"/api/v1/agenda/events/{group.pk}/"
    months = {"to": (timezone.now() + timedelta(days=90)).isoformat()}
    for client, url, params in (
            (client_for(None), "/api/v1/agenda/occurrences/", months),
            (client_for(participant), "/api/v1/agenda/occurrences/", months),
            (client_for(organiser), f"{base}registrations/", date),
            (client_for(participant), f"{base}participants/", date),
            (client_for(organiser), f"{base}waiting-list/", date)):
        count = assert_constant_queries(client, url, lambda rows: None, params=params)
        assert count <= 12, (url, count)


def test_list_queries_do_not_grow_with_the_page(crowd, organiser):
    busy, participant = crowd
    people = {"anonymous": None, "member": UserFactory(), "organiser": organiser,
              "participant": participant}
    for path, who in LISTS:
        client = client_for(people[who])
        url = "/api/v1/agenda/" + path.format(busy=busy.pk)
        assert_constant_queries(client, url, lambda rows: None)  # the crowd is there already
