"""The events API end to end: create, read, list, change, cancel, postpone."""
from datetime import timedelta

import pytest
from django.utils import timezone

from plugins.agenda.models import Event
from tests.plugins.agenda.conftest import client_for
from tests.plugins.agenda.factories import VenueFactory, make_event

pytestmark = pytest.mark.django_db

URL = "/api/v1/agenda/events/"


def test_an_organiser_creates_an_event_that_visitors_read(organiser):
    venue = VenueFactory(owner=organiser, step_free=True, accessible_toilets=True)
    start = timezone.now() + timedelta(days=3)
    response = client_for(organiser).post(URL, {
        "title": "Atelier d'éducation thérapeutique", "description": "Mieux vivre avec le diabète",
        "category": "workshop", "starts_at": start.isoformat(),
        "ends_at": (start + timedelta(hours=2)).isoformat(), "venue": str(venue.pk),
        "captions": True, "registration_required": True, "capacity": 12}, format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["access_features"] == ["step_free", "accessible_toilets", "captions"]
    assert body["region"] == "Île-de-France"
    assert body["places_left"] == 12
    assert body["venue_details"]["name"] == venue.name
    assert "online_url" not in body
    anonymous = client_for()
    assert anonymous.get(f"{URL}{body['id']}/").status_code == 200
    rows = anonymous.get(URL).json()["results"]
    assert [row["id"] for row in rows] == [body["id"]]
    assert rows[0]["places_left"] == 12
    assert rows[0]["access_features"] == ["step_free", "accessible_toilets", "captions"]


def test_the_organiser_changes_cancels_and_postpones(organiser):
    event = make_event(organiser)
    client = client_for(organiser)
    response = client.patch(f"{URL}{event.pk}/", {"title": "Nouveau titre"}, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["title"] == "Nouveau titre"
    later = timezone.now() + timedelta(days=20)
    response = client.post(f"{URL}{event.pk}/postpone/", {
        "starts_at": later.isoformat(), "ends_at": (later + timedelta(hours=1)).isoformat(),
        "reason": "Salle indisponible"}, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "postponed"
    assert event.occurrences.get().starts_at == later
    response = client.post(f"{URL}{event.pk}/cancel/", {"reason": "Grève"}, format="json")
    assert response.status_code == 200
    assert response.json()["status"] == "cancelled"
    assert event.occurrences.get().cancelled
    assert client.post(f"{URL}{event.pk}/cancel/", {}, format="json").status_code == 409


def test_someone_else_cannot_change_an_event(organiser, member):
    event = make_event(organiser)
    client = client_for(member)
    assert client.patch(f"{URL}{event.pk}/", {"title": "x"}, format="json").status_code == 403
    assert client.post(f"{URL}{event.pk}/cancel/", {}, format="json").status_code == 403
    assert client.delete(f"{URL}{event.pk}/").status_code == 403
    assert Event.objects.get(pk=event.pk).title == "Groupe de parole"


def test_a_cover_is_re_encoded_without_its_metadata(organiser, tmp_path, settings):
    from io import BytesIO

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    settings.MEDIA_ROOT = tmp_path
    image = Image.new("RGB", (40, 30), "teal")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make: metadata that must not survive
    raw = BytesIO()
    image.save(raw, format="JPEG", exif=exif)
    event = make_event(organiser)
    upload = SimpleUploadedFile("cover.jpg", raw.getvalue(), content_type="image/jpeg")
    response = client_for(organiser).patch(f"{URL}{event.pk}/", {"cover": upload},
                                           format="multipart")
    assert response.status_code == 200, response.json()
    stored = Event.objects.get(pk=event.pk).cover
    assert b"PhoneMaker" not in stored.read()
    listed = client_for().get(URL).json()["results"][0]
    assert listed["cover"] == response.json()["cover"] and listed["cover"].startswith("http")
    bad = SimpleUploadedFile("cover.jpg", b"not an image", content_type="image/jpeg")
    refused = client_for(organiser).patch(f"{URL}{event.pk}/", {"cover": bad},
                                          format="multipart")
    assert refused.status_code == 400 and "cover" in refused.json()
