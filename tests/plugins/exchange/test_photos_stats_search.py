"""Photos through the core image pipeline, impact figures through the core statistics,
site-wide search, notifications without content, the admin and the demo data."""
import io

import pytest
from django.test import override_settings
from PIL import Image

from core.notifications.models import Notification
from plugins.exchange.models import ListingPhoto
from plugins.exchange.stats import impact_figures
from tests.factories import UserFactory
from tests.plugins.exchange.conftest import client_for
from tests.plugins.exchange.factories import make_listing, make_request

pytestmark = pytest.mark.django_db


def jpeg_with_gps():
    image = Image.new("RGB", (40, 30), "red")
    exif = Image.Exif()
    exif[0x010F] = "Camera of a member"  # Make: metadata that must not survive
    data = io.BytesIO()
    image.save(data, format="JPEG", exif=exif)
    data.seek(0)
    data.name = "chair.jpg"
    return data


@pytest.fixture(autouse=True)
def private_media(tmp_path, settings):
    settings.STENT_PRIVATE_ROOT = tmp_path


def photos_url(listing):
    return f"/api/v1/exchange/listings/{listing.pk}/photos/"


@override_settings(EXCHANGE_MAX_PHOTOS=2)
def test_photos_are_cleaned_limited_and_served_to_those_who_see_the_listing(member, other):
    listing = make_listing(owner=member, audience="private")
    client = client_for(member)
    for _ in range(2):
        assert client.post(photos_url(listing), {"image": jpeg_with_gps()},
                           format="multipart").status_code == 201
    too_many = client.post(photos_url(listing), {"image": jpeg_with_gps()}, format="multipart")
    assert too_many.status_code == 400 and "image" in too_many.json()
    assert ListingPhoto.objects.count() == 2
    photo = ListingPhoto.objects.first()
    with Image.open(photo.image.open("rb")) as stored:
        assert not stored.getexif()
    url = client.get(f"/api/v1/exchange/listings/{listing.pk}/").json()["photos"][0]["url"]
    assert client.get(url).status_code == 200
    assert client_for(other).get(url).status_code == 404
    assert client_for(other).post(photos_url(listing), {"image": jpeg_with_gps()},
                                  format="multipart").status_code == 404


def test_a_file_that_is_not_an_image_is_refused(member):
    listing = make_listing(owner=member)
    fake = io.BytesIO(b"%PDF-1.4 not an image")
    fake.name = "photo.jpg"
    response = client_for(member).post(photos_url(listing), {"image": fake}, format="multipart")
    assert response.status_code == 400 and "image" in response.json()
    assert client_for(member).post(photos_url(listing), {}, format="multipart").status_code == 400
    assert not ListingPhoto.objects.exists()


def completed(n, **listing_fields):
    for _ in range(n):
        make_request(listing=make_listing(**listing_fields), status="received")


@override_settings(STENT_MIN_GROUP_SIZE=3)
def test_impact_figures_hide_small_groups():
    completed(4, region="Occitanie")
    completed(3, region="Bretagne")
    completed(1, region="Corse")
    completed(3, region="Occitanie", mode="lend", loan_days=10)
    figures = client_for().get("/api/v1/exchange/stats/").json()
    regions = {row["key"]: row for row in figures["by_region"]}
    assert regions["Corse"]["given"] == {"value": None, "suppressed": True}
    # Secondary suppression: Corse cannot be recomputed from the total and the others.
    shown = [row["given"]["value"] for row in figures["by_region"]]
    assert shown.count(None) >= 2 or figures["given"]["value"] is None
    assert figures["minimum_group_size"] == 3
    assert impact_figures()["by_category"][0]["key"] == "wheelchairs"


def test_listings_come_back_from_site_search_only_for_those_who_may_see_them(member, other):
    make_listing(owner=member, title="Transfer board for a bathtub", audience="members")
    make_listing(owner=member, title="Private transfer board", audience="private")
    assert client_for().get("/api/v1/search/", {"q": "transfer"}).json()["results"] == []
    titles = [hit["title"] for hit in client_for(other).get(
        "/api/v1/search/", {"q": "transfer"}).json()["results"]]
    assert titles == ["Transfer board for a bathtub"]


def test_notifications_never_name_the_item(member, other, django_capture_on_commit_callbacks):
    listing = make_listing(owner=member, title="Fauteuil secret de Paul")
    other.profile.language = "fr"
    other.profile.save()
    with django_capture_on_commit_callbacks(execute=True):
        client_for(other).post(f"/api/v1/exchange/listings/{listing.pk}/requests/",
                               {"message": "Bonjour"}, format="json")
        request = listing.requests.get()
        client_for(member).post(f"/api/v1/exchange/requests/{request.pk}/accept/")
    for notification in Notification.objects.all():
        assert "Paul" not in notification.title + notification.body
    accepted = Notification.objects.get(recipient=other)
    assert accepted.title == "Bonne nouvelle : votre demande a été acceptée"


def test_moderators_find_listings_in_the_admin(moderator, client):
    listing = make_listing(title="Hospital bed with rails")
    moderator.is_superuser = True
    moderator.save()
    client.force_login(moderator)
    response = client.get("/admin/exchange/listings/", {"q": "rails", "status": "available"})
    assert response.status_code == 200 and b"Hospital bed with rails" in response.content
    assert listing.owner.email.encode() not in response.content
    assert client.get("/admin/exchange/categories/").status_code == 200
    assert client.get("/admin/exchange/warning-words/").status_code == 200


def test_demo_data_is_idempotent():
    from plugins.exchange.demo import create_demo_exchange
    from plugins.exchange.models import Listing

    UserFactory()
    create_demo_exchange(1)
    create_demo_exchange(1)
    assert Listing.objects.count() == 4
    assert Listing.objects.filter(title__startswith="Fauteuil").exists()
