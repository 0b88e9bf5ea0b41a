"""Events, their occurrences and venues through the privacy matrix; hidden ones vanish."""
import pytest
from django.utils import timezone

from plugins.agenda.models import Event, Occurrence
from tests.kit import assert_follows_matrix
from tests.plugins.agenda.conftest import client_for
from tests.plugins.agenda.factories import VenueFactory, make_event

pytestmark = pytest.mark.django_db


def an_event(owner, audience, community):
    return make_event(owner, audience=audience, community=community,
                      title=f"Rencontre {audience}")


def test_events_follow_the_matrix():
    assert_follows_matrix(an_event, lambda event: f"/api/v1/agenda/events/{event.pk}/",
                          list_url="/api/v1/agenda/events/")


def test_event_feeds_follow_the_matrix():
    assert_follows_matrix(an_event,
                          lambda event: f"/api/v1/agenda/events/{event.pk}/calendar.ics")


def test_occurrences_follow_the_events_matrix():
    assert_follows_matrix(an_event, list_url="/api/v1/agenda/occurrences/",
                          id_field="event", id_of=lambda event: str(event.pk))


def test_venues_follow_the_matrix():
    assert_follows_matrix(
        lambda owner, audience, community: VenueFactory(owner=owner, audience=audience,
                                                        community=community),
        lambda venue: f"/api/v1/agenda/venues/{venue.pk}/", list_url="/api/v1/agenda/venues/")


def test_hidden_events_vanish_for_others(organiser):
    event = make_event(organiser)
    Event.objects.filter(pk=event.pk).update(hidden_at=timezone.now())
    for path in (f"/api/v1/agenda/events/{event.pk}/", f"/api/v1/agenda/events/{event.pk}/rsvp/",
                 f"/api/v1/agenda/events/{event.pk}/calendar.ics"):
        assert client_for().get(path).status_code == 404
    assert not client_for().get("/api/v1/agenda/occurrences/").json()["results"]
    assert Occurrence.objects.visible_to(organiser).count() == 1
    assert client_for(organiser).get(f"/api/v1/agenda/events/{event.pk}/").status_code == 200


def test_a_community_feed_shows_what_the_viewer_may_see(organiser):
    from tests.factories import CommunityFactory, MembershipFactory

    community = CommunityFactory()
    MembershipFactory(community=community, member=organiser)
    make_event(organiser, community=community, title="Ouvert à tous")
    make_event(organiser, community=community, audience="community", title="Entre nous")
    url = f"/api/v1/agenda/communities/{community.slug}/calendar.ics"
    assert b"Ouvert" in client_for().get(url).content
    assert b"Entre nous" not in client_for().get(url).content
    member = MembershipFactory(community=community).member
    assert b"Entre nous" in client_for(member).get(url).content
    assert client_for().get("/api/v1/agenda/communities/nope/calendar.ics").status_code == 404
