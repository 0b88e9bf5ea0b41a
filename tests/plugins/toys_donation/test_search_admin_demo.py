"""Site-wide search, the Wagtail admin, demo data, and garbage bodies on every write."""
import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command

from plugins.toys_donation.models import Institution, Pledge, WishlistItem
from tests.factories import UserFactory
from tests.plugins.toys_donation.conftest import client_for
from tests.plugins.toys_donation.factories import make_institution, make_item, make_ward

pytestmark = pytest.mark.django_db


def found(client, words):
    response = client.get("/api/v1/search/", {"q": words})
    assert response.status_code == 200
    return {hit["title"] for hit in response.json()["results"]}


def test_hook_stent_search_models_verified_institutions_only():
    registrant = UserFactory()
    make_institution(name="Hôpital Robert-Debré", city="Paris")
    make_institution(registrant, name="Hôpital Trousseau", city="Paris", verified=False)
    call_command("update_index", stdout=open("/dev/null", "w"))
    assert "Hôpital Robert-Debré" in found(client_for(), "hôpital")
    assert "Hôpital Trousseau" not in found(client_for(), "hôpital")
    assert "Hôpital Trousseau" not in found(client_for(UserFactory()), "hôpital")
    assert "Hôpital Trousseau" in found(client_for(registrant), "hôpital")


def test_moderators_list_filter_and_search_institutions_in_the_admin(client):
    staff = UserFactory(is_staff=True)
    staff.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="moderate"),
        *Permission.objects.filter(content_type__app_label="toys_donation"))
    make_institution(name="CHU de Lille", city="Lille", region="Hauts-de-France")
    make_institution(name="CHU de Rennes", city="Rennes", region="Bretagne", verified=False)
    client.force_login(staff)
    page = client.get("/admin/toys-institutions/").content.decode()
    assert "CHU de Lille" in page and "CHU de Rennes" in page
    searched = client.get("/admin/toys-institutions/", {"q": "Lille"}).content.decode()
    assert "CHU de Lille" in searched and "CHU de Rennes" not in searched
    filtered = client.get("/admin/toys-institutions/", {"region": "Bretagne"}).content.decode()
    assert "CHU de Rennes" in filtered and "CHU de Lille" not in filtered
    for email in Institution.objects.values_list("owner__email", flat=True):
        assert email not in page
    assert client.get("/admin/toys-pledges/").status_code == 200


def test_hook_stent_demo_data_in_french_and_english(settings):
    from plugins.toys_donation.demo import create_demo_content

    settings.STENT_DEMO_PASSWORD = "demo-password-123"
    create_demo_content(seed=1)
    create_demo_content(seed=1)  # idempotent
    assert Institution.objects.verified().count() == 2
    titles = set(WishlistItem.objects.values_list("title", flat=True))
    assert "Jeux de société 6-10 ans" in titles and "LEGO sets for ages 8-12" in titles
    assert Pledge.objects.count() == 2


GARBAGE = [[], "text", 12, {"quantity": [1]}, {"item": {"x": 1}, "quantity": -3},
           {"ward": None, "text": ["x"]}, {"name": {"a": 1}, "city": 5},
           {"handle": 12}, {"amount": 1.5, "currency": "EURO"}, {"age_min": 20, "age_max": 1},
           {"quantity_needed": 0}, {"photos": "x", "consent_confirmed": "maybe"}]


def test_every_write_operation_answers_garbage_with_a_4xx():
    manager = UserFactory()
    ward = make_ward(manager)
    item = make_item(ward)
    schema = client_for().get("/api/v1/schema/?format=json").json()
    client = client_for(manager)
    checked = 0
    for path, operations in schema["paths"].items():
        if not path.startswith("/api/v1/toys_donation/"):
            continue
        for method in ("post", "put", "patch"):
            if method not in operations:
                continue
            url = (path.replace("{ward}", str(ward.pk))
                   .replace("{id}", str(item.pk) if "/wishlist/" in path else str(ward.pk))
                   .replace("{pk}", str(item.pk)))
            for body in GARBAGE:
                response = getattr(client, method)(url, body, format="json")
                assert response.status_code < 500, (method, url, body, response.content)
                checked += 1
    assert checked > 60
    assert WishlistItem.objects.get(pk=item.pk).quantity_pledged == 0


def test_moderators_verify_an_institution_with_a_button_in_the_admin(client):
    moderator = UserFactory(is_staff=True)
    moderator.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="moderate"),
        *Permission.objects.filter(content_type__app_label="toys_donation"))
    waiting = make_institution(name="CHU de Rennes", city="Rennes", verified=False)
    verified = make_institution(name="CHU de Lille", city="Lille")
    client.force_login(moderator)
    page = client.get("/admin/toys-institutions/").content.decode()
    assert f"/admin/toys-institutions/verify/{waiting.pk}/" in page
    assert f"/admin/toys-institutions/verify/{verified.pk}/" not in page
    assert client.get(f"/admin/toys-institutions/verify/{waiting.pk}/").status_code == 200
    done = client.post(f"/admin/toys-institutions/verify/{waiting.pk}/")
    assert (done.status_code, done["Location"]) == (302, "/admin/toys-institutions/")
    waiting.refresh_from_db()
    assert waiting.verified_at is not None
    # Verifying twice is refused with a message; nothing changes.
    when = waiting.verified_at
    again = client.post(f"/admin/toys-institutions/verify/{waiting.pk}/", follow=True)
    assert "already verified" in again.content.decode()
    waiting.refresh_from_db()
    assert waiting.verified_at == when


def test_only_moderators_may_verify_in_the_admin(client):
    editor = UserFactory(is_staff=True)
    editor.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="toys_donation"))
    waiting = make_institution(editor, name="CHU de Brest", city="Brest", verified=False)
    client.force_login(editor)
    page = client.get("/admin/toys-institutions/").content.decode()
    assert f"/admin/toys-institutions/verify/{waiting.pk}/" not in page
    refused = client.post(f"/admin/toys-institutions/verify/{waiting.pk}/")
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    waiting.refresh_from_db()
    assert waiting.verified_at is None
