"""Export gives everything a member put in the agenda; erasure leaves none of their strings,
frees their places for the next in line and keeps counts right."""
import json

import pytest

from core.plugins import collect
from plugins.agenda.models import Event, Registration, Rsvp, Venue
from plugins.agenda.privacy import AgendaPrivacyHandler
from plugins.agenda.services import registrations as services
from plugins.agenda.services import rsvp
from plugins.agenda.services.needs import create_feed_token, save_needs
from tests.factories import UserFactory
from tests.plugins.agenda.conftest import consent_to_health_data
from tests.plugins.agenda.factories import VenueFactory, make_event, registration_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy_member(organiser):
    member = consent_to_health_data(UserFactory())
    venue = VenueFactory(owner=member, name="Chez Camille, salon privé")
    own = make_event(member, title="Pique-nique de Camille", venue=venue,
                     accessibility_notes="Rampe côté jardin")
    full = registration_event(organiser, capacity=1)
    services.register(full, member, shared_needs=["seating"], shared_needs_note="Canne")
    next_in_line = UserFactory()
    services.register(full, next_in_line)
    rsvp.answer(make_event(organiser), member, "going")
    save_needs(member, seating=True, accessibility_notes="Fatigue chronique")
    create_feed_token(member)
    return member, own, full, next_in_line


def test_export_has_everything_the_member_put_in(busy_member):
    member, own, full, _next = busy_member
    exported = json.dumps(AgendaPrivacyHandler().export(member), ensure_ascii=False)
    for text in ("Pique-nique de Camille", "Rampe côté jardin", "Chez Camille, salon privé",
                 "Canne", "Fatigue chronique", '"seating"', '"going"', str(full.pk)):
        assert text in exported, text
    assert len(json.loads(exported)["calendar_feeds"]) == 1


def test_erasure_leaves_no_string_frees_the_place_and_keeps_counts(busy_member):
    member, own, full, next_in_line = busy_member
    AgendaPrivacyHandler().erase(member)
    everything = json.dumps([list(m.objects.values()) for m in (Event, Venue, Registration,
                                                                 Rsvp)], default=str,
                            ensure_ascii=False)
    for text in ("Pique-nique de Camille", "Chez Camille", "Canne", "Fatigue"):
        assert text not in everything
    assert not Registration.objects.filter(member=member).exists()
    assert Registration.objects.get(member=next_in_line).status == "offered"
    assert Event.objects.get(pk=full.pk).places_taken == 1
    assert Rsvp.objects.filter(member__isnull=True).count() == 1  # still counted
    assert not Event.objects.filter(pk=own.pk).exists()


def test_hook_stent_privacy_handlers_agenda_covers_every_model_pointing_to_a_member():
    from django.apps import apps

    assert AgendaPrivacyHandler in collect("stent_privacy_handlers")
    user = apps.get_model("identity.User")
    pointing = [m for m in apps.get_app_config("agenda").get_models()
                if any(getattr(f, "related_model", None) is user for f in m._meta.get_fields()
                       if f.concrete)]
    assert set(pointing) <= set(AgendaPrivacyHandler.models)
