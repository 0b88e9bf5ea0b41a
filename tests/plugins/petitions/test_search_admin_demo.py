"""Site-wide search, the Wagtail admin for moderators, demo data."""
import pytest
from django.core.management import call_command

from core.privacy.audiences import Audience
from plugins.petitions.models import Petition, Status
from tests.factories import UserFactory
from tests.plugins.petitions.conftest import client_for
from tests.plugins.petitions.factories import draft, make_petition

pytestmark = pytest.mark.django_db


def found(client, words):
    response = client.get("/api/v1/search/", {"q": words})
    assert response.status_code == 200
    return {(hit["type"], hit["title"]) for hit in response.json()["results"]}


def test_search_returns_petitions_only_to_those_allowed_to_see_them():
    public = make_petition(title="Wheelchair ramps on buses")
    members = make_petition(title="Wheelchair taxis for members", audience=Audience.MEMBERS)
    hidden = draft(title="Wheelchair draft")
    call_command("update_index", stdout=open("/dev/null", "w"))
    assert found(client_for(), "wheelchair") == {("petitions.petition", public.title)}
    assert found(client_for(UserFactory()), "wheelchair") == {
        ("petitions.petition", public.title), ("petitions.petition", members.title)}
    assert ("petitions.petition", hidden.title) in found(client_for(hidden.owner), "wheelchair")
    hit = client_for().get("/api/v1/search/", {"q": "ramps"}).json()["results"][0]
    assert hit["url"] == f"/api/v1/petitions/{public.pk}/"


@pytest.fixture
def admin_moderator(moderator):
    from django.contrib.auth.models import Permission

    moderator.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="petitions",
                                   codename__in=["view_petition", "change_petition"]))
    return moderator


def test_moderators_list_filter_search_and_review_in_the_wagtail_admin(client, admin_moderator):
    submitted = draft(title="Sensors for all", status=Status.SUBMITTED)
    make_petition(title="Open buses")
    private = make_petition(title="Private thoughts", audience=Audience.PRIVATE)
    client.force_login(admin_moderator)
    index = client.get("/admin/petitions/")
    assert index.status_code == 200
    page = index.content.decode()
    assert "Sensors for all" in page and "Open buses" in page
    assert private.title not in page
    assert f"/admin/petitions/review/{submitted.pk}/" in page
    filtered = client.get("/admin/petitions/", {"status": "submitted"}).content.decode()
    assert "Sensors for all" in filtered and "Open buses" not in filtered
    searched = client.get("/admin/petitions/", {"q": "buses"}).content.decode()
    assert "Open buses" in searched and "Sensors for all" not in searched

    assert client.get(f"/admin/petitions/review/{submitted.pk}/").status_code == 200
    refused = client.post(f"/admin/petitions/review/{submitted.pk}/", {"decision": "reject"})
    assert refused.status_code == 200  # the form again: a reason is needed
    client.post(f"/admin/petitions/review/{submitted.pk}/",
                {"decision": "reject", "reason": "Name a target."})
    submitted.refresh_from_db()
    assert submitted.status == Status.REJECTED and submitted.rejection_reason == "Name a target."


def test_members_without_the_moderate_permission_cannot_review(client):
    editor = UserFactory(is_staff=True)
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    submitted = draft(status=Status.SUBMITTED)
    client.force_login(editor)
    refused = client.post(f"/admin/petitions/review/{submitted.pk}/", {"decision": "publish"})
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")  # Wagtail's refusal
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED


def test_hook_stent_demo_data_petitions_in_french_and_english(settings):
    from plugins.petitions.plugin import stent_demo_data

    settings.DEBUG = True
    stent_demo_data(seed=1)
    stent_demo_data(seed=1)
    titles = list(Petition.objects.values_list("title", flat=True))
    assert len(titles) == 5
    assert any("Remboursement" in t for t in titles) and any("Step-free" in t for t in titles)
    sensors = Petition.objects.get(slug="remboursement-capteurs-glycemie")
    assert sensors.signature_count == sensors.signatures.count() == 18
    assert {p.state for p in Petition.objects.all()} == {"published", "answered", "submitted",
                                                         "draft"}
