"""Site-wide search, the Wagtail admin for managers and moderators, demo data."""
import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command

from plugins.agenda.models import Event, Registration, Venue
from plugins.agenda.services.registrations import register
from tests.factories import UserFactory
from tests.plugins.agenda.conftest import client_for
from tests.plugins.agenda.factories import VenueFactory, dates_of, make_event, weekly_event

pytestmark = pytest.mark.django_db


def found(client, words):
    response = client.get("/api/v1/search/", {"q": words})
    assert response.status_code == 200
    return {(hit["type"], hit["title"]) for hit in response.json()["results"]}


def test_search_returns_events_only_to_those_allowed_to_see_them(organiser):
    public = make_event(organiser, title="Handball fauteuil")
    members = make_event(organiser, title="Handball fauteuil entre membres", audience="members")
    private = make_event(organiser, title="Handball fauteuil privé", audience="private")
    call_command("update_index", stdout=open("/dev/null", "w"))
    assert found(client_for(), "handball") == {("agenda.event", public.title)}
    assert found(client_for(UserFactory()), "handball") == {
        ("agenda.event", public.title), ("agenda.event", members.title)}
    assert ("agenda.event", private.title) in found(client_for(organiser), "handball")


@pytest.fixture
def manager():
    user = UserFactory(is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="agenda",
                                   codename__regex=r"^(view|change|add)_(event|venue|registration)$"))
    return user


def test_managers_list_filter_search_and_edit_in_the_wagtail_admin(client, manager, organiser):
    make_event(organiser, title="Atelier cuisine", category="workshop", step_free=True)
    make_event(organiser, title="Sortie en forêt", category="outing")
    make_event(organiser, title="Groupe privé", audience="private")
    client.force_login(manager)
    page = client.get("/admin/agenda_events/").content.decode()
    assert "Atelier cuisine" in page and "Sortie en forêt" in page and "Groupe privé" not in page
    filtered = client.get("/admin/agenda_events/", {"category": "outing"}).content.decode()
    assert "Sortie en forêt" in filtered and "Atelier cuisine" not in filtered
    searched = client.get("/admin/agenda_events/", {"q": "cuisine"}).content.decode()
    assert "Atelier cuisine" in searched and "Sortie en forêt" not in searched
    venue = VenueFactory(owner=organiser)
    event = make_event(organiser, venue=venue)
    data = {field: getattr(venue, field) for field in ("name", "address", "postcode", "city",
                                                        "region", "country", "audience")}
    response = client.post(f"/admin/agenda_venues/edit/{venue.pk}/",
                           {**data, "sign_language": "on"})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert ",sign_language," in Event.objects.get(pk=event.pk).access_features


def test_managers_see_registrations_with_their_date_and_cannot_edit_them(client, manager,
                                                                         organiser):
    group = weekly_event(organiser, title="Café des aidants")
    second = dates_of(group)[1]
    registrant = UserFactory()
    kept = register(group, registrant, occurrence=second)
    hidden = weekly_event(organiser, title="Cercle privé", audience="private")
    register(hidden, UserFactory(), occurrence=dates_of(hidden)[0])
    client.force_login(manager)
    page = client.get("/admin/agenda_registrations/").content.decode()
    assert "Café des aidants" in page and registrant.profile.handle in page
    assert str(second) in page  # the occurrence column: the date registered for
    assert "Cercle privé" not in page
    assert client.get(f"/admin/agenda_registrations/edit/{kept.pk}/").status_code in (302, 403)
    assert client.get("/admin/agenda_registrations/", {"q": "aidants"}).status_code == 200


def test_hook_stent_demo_data_agenda_in_french_and_english(settings):
    from plugins.agenda.plugin import stent_demo_data

    settings.DEBUG = True
    stent_demo_data(seed=1)
    stent_demo_data(seed=1)
    titles = set(Event.objects.values_list("title", flat=True))
    assert len(titles) == 5 and any("Groupe de parole" in t for t in titles)
    assert any("Museum" in t for t in titles)
    assert Venue.objects.count() == 3
    sport = Event.objects.get(title="Marche nordique adaptée")
    assert sport.places_taken == sum(r.party_size for r in Registration.objects.filter(
        event=sport, status__in=["confirmed", "pending", "offered"]))
    workshop = Event.objects.get(title__startswith="Atelier d'éducation thérapeutique")
    first = workshop.occurrences.order_by("starts_at").first()
    assert workshop.registration_scope == "occurrence" and first.places_taken == 6
    assert Registration.objects.filter(occurrence=first, status="waiting").count() == 2
