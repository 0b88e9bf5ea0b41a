"""Who sees the online link, the participants and shared access needs; feed tokens."""
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from core.privacy.purposes import Purpose
from plugins.agenda import queries
from plugins.agenda.services import registrations as services
from plugins.agenda.services import rsvp
from plugins.agenda.services.needs import create_feed_token
from tests.factories import UserFactory
from tests.plugins.agenda.conftest import client_for, consent_to_health_data
from tests.plugins.agenda.factories import make_event, registration_event

pytestmark = pytest.mark.django_db

LINK = "https://visio.example.org/secret-room"


def detail(event, user):
    return client_for(user).get(f"/api/v1/agenda/events/{event.pk}/").json()


@pytest.fixture
def online(organiser):
    """An online event with registration starting in 20 minutes (inside the link window)."""
    start = timezone.now() + timedelta(minutes=20)
    event = registration_event(organiser, mode="online", online_url=LINK, starts_at=start,
                               ends_at=start + timedelta(hours=1), capacity=1)
    registrant, waiting = UserFactory(), UserFactory()
    services.register(event, registrant)
    services.register(event, waiting)
    return event, {"organiser": organiser, "registrant": registrant, "waiting": waiting,
                   "stranger": UserFactory(), "anonymous": None}


@pytest.mark.parametrize("viewer, sees", [("organiser", True), ("registrant", True),
                                          ("waiting", False), ("stranger", False),
                                          ("anonymous", False)])
def test_the_online_link_only_for_participants_near_the_start(online, viewer, sees):
    event, people = online
    body = detail(event, people[viewer])
    assert body["online_link"] == (LINK if sees else None)
    everything = "".join(client_for(people[viewer]).get(path).content.decode() for path in (
        "/api/v1/agenda/events/", "/api/v1/agenda/occurrences/",
        f"/api/v1/agenda/events/{event.pk}/calendar.ics"))
    assert LINK not in everything


def test_the_link_waits_for_its_window(organiser):
    start = timezone.now() + timedelta(days=2)
    event = make_event(organiser, mode="online", online_url=LINK, starts_at=start,
                       ends_at=start + timedelta(hours=1))
    member = UserFactory()
    rsvp.answer(event, member, "going")
    assert detail(event, member)["online_link"] is None
    assert queries.online_link_for(event, member, now=start - timedelta(minutes=10)) == LINK
    assert queries.online_link_for(event, member, now=start + timedelta(hours=2)) is None
    assert queries.online_link_for(event, UserFactory(), now=start) is None


@pytest.fixture
def gathering(organiser):
    event = registration_event(organiser, capacity=10)
    shown, hidden, sharing = UserFactory(), UserFactory(), consent_to_health_data(UserFactory())
    services.register(event, shown, shown_to_participants=True)
    services.register(event, hidden)
    services.register(event, sharing, shared_needs=["hearing_loop"],
                      shared_needs_note="Appareillé des deux oreilles")
    return event, {"organiser": organiser, "shown": shown, "hidden": hidden,
                   "sharing": sharing, "stranger": UserFactory(), "anonymous": None}


def seen_by(event, user):
    client = client_for(user)
    paths = [f"/api/v1/agenda/events/{event.pk}/",
             f"/api/v1/agenda/events/{event.pk}/participants/",
             f"/api/v1/agenda/events/{event.pk}/registrations/",
             f"/api/v1/agenda/events/{event.pk}/waiting-list/", "/api/v1/agenda/events/",
             f"/api/v1/agenda/events/{event.pk}/calendar.ics"]
    return "".join(client.get(path).content.decode() for path in paths)


@pytest.mark.parametrize("viewer", ["shown", "hidden", "sharing", "stranger", "anonymous"])
def test_participants_and_shared_needs_reach_only_who_may_see_them(gathering, viewer):
    event, people = gathering
    text = seen_by(event, people[viewer])
    if viewer != "sharing":  # the registrant sees their own registration only through /mine/
        assert "Appareillé" not in text and '["hearing_loop"]' not in text
    assert people["hidden"].profile.handle not in text
    participant = viewer in ("shown", "hidden", "sharing")
    assert (people["shown"].profile.handle in text) == participant


def test_the_organiser_sees_every_registrant_and_the_shared_needs(gathering):
    event, people = gathering
    text = seen_by(event, people["organiser"])
    assert all(people[name].profile.handle in text for name in ("shown", "hidden", "sharing"))
    assert "Appareillé des deux oreilles" in text and '["hearing_loop"]' in text
    assert people["sharing"].email not in text


def test_sharing_needs_requires_the_health_data_consent(organiser):
    event = registration_event(organiser)
    member = UserFactory()
    response = client_for(member).post(f"/api/v1/agenda/events/{event.pk}/registrations/",
                                       {"shared_needs": ["step_free"]}, format="json")
    assert response.status_code == 403
    assert not event.registrations.exists()


def test_a_feed_shows_the_members_registrations_until_revoked(organiser):
    event = registration_event(organiser, title="Sortie au musée")
    other = make_event(organiser, title="Pas inscrit")
    member = UserFactory()
    services.register(event, member)
    client = client_for(member)
    created = client.post("/api/v1/agenda/me/feed/").json()
    assert created["url"].endswith(f"/api/v1/agenda/feed/{created['token']}.ics")
    feed = client_for().get(f"/api/v1/agenda/feed/{created['token']}.ics")
    assert feed.status_code == 200
    assert b"Sortie au mus" in feed.content and other.title.encode() not in feed.content
    listed = client.get("/api/v1/agenda/me/feed/").json()["results"]
    assert [row["id"] for row in listed] == [created["id"]] and "token" not in listed[0]
    assert client_for(UserFactory()).delete(
        f"/api/v1/agenda/me/feed/{created['id']}/").status_code == 404
    assert client.delete(f"/api/v1/agenda/me/feed/{created['id']}/").status_code == 204
    assert client_for().get(f"/api/v1/agenda/feed/{created['token']}.ics").status_code == 404
    assert client_for().get("/api/v1/agenda/feed/not-a-token.ics").status_code == 404


def test_the_token_is_stored_hashed(member):
    feed, token = create_feed_token(member)
    assert token not in feed.digest and len(feed.digest) == 64


def test_queries_give_nothing_to_anonymous_visitors(gathering):
    event, _people = gathering
    assert not queries.participants_for(event, AnonymousUser()).exists()
    assert not queries.waiting_list_for(event, AnonymousUser()).exists()


def test_withdrawing_the_health_data_consent_stops_sharing_needs_at_once(gathering):
    from core.privacy.services import decide_consent

    event, people = gathering
    decide_consent(people["sharing"], Purpose.HEALTH_DATA, False)
    text = seen_by(event, people["organiser"])
    assert "Appareillé" not in text and '["hearing_loop"]' not in text
    assert people["sharing"].profile.handle in text  # still registered, needs no longer shared


def test_hook_stent_consent_purposes_agenda_declares_its_health_data():
    from core.privacy.purposes import consent_purposes

    assert "access needs" in consent_purposes()[Purpose.HEALTH_DATA].covers_text
