"""Community editors add articles and condition pages under their community's pages root."""
import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.models import ArticlePage, ConditionPage
from core.communities.services import create_community
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


def _community_editor(name, slug):
    community = create_community(name=name, slug=slug)
    editor = UserFactory()
    editor.groups.add(community.editors)
    return community, editor


def test_information_pages_are_allowed_under_a_community_root(tree):
    community, _editor = _community_editor("Lupus", "lupus")
    root = community.root_page.specific
    assert ArticlePage.can_create_at(root) and ConditionPage.can_create_at(root)
    assert {ArticlePage, ConditionPage} <= set(root.specific_class.creatable_subpage_models())


def test_a_community_editor_adds_an_article_in_the_admin_under_their_root_only(client, tree):
    community, editor = _community_editor("Lupus", "lupus")
    other, _other_editor = _community_editor("Asthma", "asthma")
    assert client.login(email=editor.email, password=PASSWORD)

    add_url = reverse("wagtailadmin_pages:add",
                      args=("cms", "articlepage", community.root_page_id))
    assert client.get(add_url).status_code == 200
    response = client.post(add_url, nested_form_data({
        "title": "Our spring meeting", "slug": "spring-meeting", "kind": "news",
        "date": "2026-04-02", "intro": "We meet in Lyon on 12 April.",
        "body": streamfield([("paragraph", rich_text("<p>Bring a friend.</p>"))]),
        "tags": "", "image": "", "author": "",
        "action-submit": "submit",  # to the medical review workflow
    }))
    assert response.status_code == 302, response.content.decode()[:2000]
    article = ArticlePage.objects.get(slug="spring-meeting")
    assert article.get_parent().pk == community.root_page_id
    assert not article.live  # waits for the medical reviewer
    assert article.current_workflow_state.workflow.name == "Medical review"

    elsewhere = reverse("wagtailadmin_pages:add", args=("cms", "articlepage", other.root_page_id))
    assert client.get(elsewhere).status_code in (302, 403)
    assert not ArticlePage.objects.filter(slug="intruder").exists()


def test_an_unlisted_community_s_pages_are_read_by_link_but_never_listed(api_client, tree):
    from tests.cms.factories import make_article

    listed, _editor = _community_editor("Lupus", "lupus")
    unlisted, _other = _community_editor("Rare syndrome circle", "rare-circle")
    unlisted.visibility = unlisted.Visibility.UNLISTED
    unlisted.save(update_fields=["visibility"])
    public = make_article(listed.root_page, title="Lupus news", slug="lupus-news")
    hidden = make_article(unlisted.root_page, title="Circle news", slug="circle-news")

    titles = {item["title"] for item in api_client.get("/api/v1/pages/").json()["items"]}
    assert {"Lupus", "Lupus news"} <= titles
    assert not titles & {"Rare syndrome circle", "Circle news"}
    found = {hit["title"] for hit in api_client.get("/api/v1/search/?q=news").json()["results"]}
    assert "Lupus news" in found and "Circle news" not in found
    assert api_client.get("/api/v1/search/?q=circle").json()["results"] == []
    assert api_client.get(f"/api/v1/pages/{hidden.pk}/").status_code == 200  # by link
    assert api_client.get(f"/api/v1/pages/{public.pk}/").status_code == 200
