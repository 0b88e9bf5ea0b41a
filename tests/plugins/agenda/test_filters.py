"""Filtering the agenda: accessibility (event or venue), saved needs, dates, category, online."""
import random
from datetime import timedelta

import pytest
from django.utils import timezone

from plugins.agenda.models import FEATURES, Event
from plugins.agenda.models.accessibility import features_of
from plugins.agenda.services.needs import save_needs
from plugins.agenda.services.venues import update_venue
from tests.plugins.agenda.conftest import client_for, consent_to_health_data
from tests.plugins.agenda.factories import VenueFactory, make_event

pytestmark = pytest.mark.django_db

URL = "/api/v1/agenda/events/"


def ids(response):
    assert response.status_code == 200, response.json()
    return {row["id"] for row in response.json()["results"]}


def test_accessibility_filters_match_event_or_venue_on_generated_data(organiser):
    rng = random.Random(11)
    events = []
    for n in range(30):
        venue = VenueFactory(owner=organiser, **{f: rng.random() < 0.4 for f in FEATURES})
        events.append(make_event(organiser, title=f"Event {n}", venue=venue,
                                 **{f: rng.random() < 0.3 for f in FEATURES}))
    for _ in range(25):
        wanted = rng.sample(FEATURES, rng.randint(1, 3))
        expected = {str(e.pk) for e in events
                    if set(wanted) <= set(features_of(e)) | set(features_of(e.venue))}
        found = ids(client_for().get(URL, {"accessibility": ",".join(wanted),
                                           "page_size": 100}))
        assert found == expected, wanted


def test_a_venue_change_reaches_the_filter_of_its_events(organiser):
    venue = VenueFactory(owner=organiser)
    event = make_event(organiser, venue=venue)
    assert not ids(client_for().get(URL, {"accessibility": "hearing_loop"}))
    update_venue(venue, hearing_loop=True)
    assert ids(client_for().get(URL, {"accessibility": "hearing_loop"})) == {str(event.pk)}


def test_my_needs_filter_uses_the_saved_needs(organiser, member):
    step_free = make_event(organiser, step_free=True, captions=True)
    make_event(organiser, captions=True)
    consent_to_health_data(member)
    client = client_for(member)
    response = client.put("/api/v1/agenda/me/needs/", {"step_free": True}, format="json")
    assert response.status_code == 200, response.json()
    assert ids(client.get(URL, {"my_needs": "true"})) == {str(step_free.pk)}
    assert client_for().get(URL, {"my_needs": "true"}).status_code in (401, 403)


def test_saving_needs_requires_the_health_data_consent(member):
    response = client_for(member).put("/api/v1/agenda/me/needs/", {"step_free": True},
                                      format="json")
    assert response.status_code == 403
    assert "health" in response.json()["detail"].lower()
    with pytest.raises(Exception):
        save_needs(member, step_free=True)


def test_dates_category_region_online_and_community(organiser):
    from tests.factories import CommunityFactory, MembershipFactory

    community = CommunityFactory()
    MembershipFactory(community=community, member=organiser)
    soon = make_event(organiser, category="sport")
    later_start = timezone.now() + timedelta(days=60)
    later = make_event(organiser, starts_at=later_start, ends_at=later_start + timedelta(hours=1),
                       mode="online", region="Bretagne", community=community)
    client = client_for()
    assert ids(client.get(URL, {"category": "sport"})) == {str(soon.pk)}
    assert ids(client.get(URL, {"online": "true"})) == {str(later.pk)}
    assert ids(client.get(URL, {"online": "false"})) == {str(soon.pk)}
    assert ids(client.get(URL, {"region": "bretagne"})) == {str(later.pk)}
    assert ids(client.get(URL, {"community": community.slug})) == {str(later.pk)}
    to = (timezone.now() + timedelta(days=30)).date().isoformat()
    assert ids(client.get(URL, {"to": to})) == {str(soon.pk)}
    assert Event.objects.count() == 2


@pytest.mark.parametrize("params", [{"accessibility": "stairs"}, {"category": "party"},
                                    {"online": "perhaps"}, {"from": "yesterday"},
                                    {"from": "2027-01-10", "to": "2027-01-01"},
                                    {"my_needs": "maybe"}])
def test_bad_filters_are_a_clear_400(params):
    response = client_for().get(URL, params)
    assert response.status_code == 400
    assert set(response.json()) <= set(params) | {"to"}
