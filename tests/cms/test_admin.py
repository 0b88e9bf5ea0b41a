"""The Wagtail admin works for an editor: log in, create and publish a condition page."""
import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.models import ConditionPage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_an_editor_creates_and_publishes_a_condition_page(client, tree, api_client):
    editor = UserFactory(email="moderator@stent.example")
    editor.groups.add(Group.objects.get(name="Moderators"))  # Wagtail's: may publish
    assert client.login(email="moderator@stent.example", password="correct horse battery staple")
    assert client.get(reverse("wagtailadmin_home")).status_code == 200

    add_url = reverse("wagtailadmin_pages:add",
                      args=("cms", "conditionpage", tree["conditions"].pk))
    assert client.get(add_url).status_code == 200
    response = client.post(add_url, nested_form_data({
        "title": "Multiple sclerosis",
        "slug": "multiple-sclerosis",
        "summary": "A disease of the central nervous system.",
        "body": streamfield([
            ("heading", "Symptoms"),
            ("paragraph", rich_text("<p>Fatigue and visual disturbances.</p>")),
        ]),
        "tags": "neurology",
        "sources": inline_formset([{"title": "Multiple sclerosis", "publisher": "Agency",
                                    "url": "https://health-agency.example/ms"}]),
        "reviewed_by": "", "reviewed_on": "", "next_review_due": "", "community": "",
        "action-publish": "publish",
    }))
    assert response.status_code == 302, response.content.decode()[:3000]
    page = ConditionPage.objects.get(slug="multiple-sclerosis")
    assert page.live and page.owner == editor
    assert [source.url for source in page.sources.all()] == ["https://health-agency.example/ms"]
    listed = api_client.get("/api/v1/pages/?type=cms.ConditionPage&fields=body").json()["items"]
    assert listed[0]["body"][0]["value"] == "Symptoms"
