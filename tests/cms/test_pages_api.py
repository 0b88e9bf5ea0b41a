"""The headless pages API returns live, public pages only, with their fields rendered to JSON."""
import pytest

from tests.cms.factories import (
    make_article, make_association, make_condition_page, make_private, make_reviewer,
)
from tests.factories import CommunityFactory

pytestmark = pytest.mark.django_db

CONDITIONS = "/api/v1/pages/?type=cms.ConditionPage&fields=*"


def titles(response):
    assert response.status_code == 200, response.content
    return sorted(item["title"] for item in response.json()["items"])


def test_a_published_condition_page_is_listed_with_its_body_and_sources(api_client, tree):
    community = CommunityFactory(name="Type 1 diabetes", slug="type-1-diabetes")
    reviewer = make_reviewer()
    make_condition_page(tree["conditions"], title="Type 1 diabetes", tags=["diabetes"],
                        community=community, reviewed_by=reviewer)
    response = api_client.get(CONDITIONS)
    assert response.status_code == 200
    [item] = response.json()["items"]
    assert item["title"] == "Type 1 diabetes"
    assert item["meta"]["type"] == "cms.ConditionPage"
    assert item["meta"]["locale"] == "en"
    assert item["summary"] == "A chronic condition explained in plain words."
    assert [block["type"] for block in item["body"]] == ["heading", "paragraph", "faq", "quote"]
    assert item["body"][2]["value"]["question"] == "Is it contagious?"
    assert [
        {key: source[key] for key in ("title", "publisher", "url")} for source in item["sources"]
    ] == [{"title": "Reference 1", "publisher": "National health agency",
           "url": "https://health-agency.example/reference-1"}]
    assert item["tags"] == ["diabetes"]
    assert item["community"] == {"id": str(community.pk), "name": "Type 1 diabetes",
                                 "slug": "type-1-diabetes"}
    assert item["medical_review"] == {"reviewer": reviewer.profile.handle,
                                      "reviewed_on": "2026-01-15",
                                      "next_review_due": "2027-01-15"}
    assert "@" not in response.content.decode()  # no e-mail address ever


def test_drafts_and_private_pages_never_appear_even_when_searching(api_client, tree):
    make_condition_page(tree["conditions"], title="Published fibromyalgia")
    make_condition_page(tree["conditions"], title="Draft fibromyalgia", live=False)
    private = make_condition_page(tree["conditions"], title="Private fibromyalgia")
    make_private(private)
    assert titles(api_client.get(CONDITIONS)) == ["Published fibromyalgia"]
    assert titles(api_client.get("/api/v1/pages/?search=fibromyalgia")) == [
        "Published fibromyalgia"]
    draft_id = make_condition_page(tree["conditions"], live=False).pk
    for page_id in (draft_id, private.pk):
        response = api_client.get(f"/api/v1/pages/{page_id}/")
        assert response.status_code == 404
        assert response.json() == {"detail": "Not found."}


def test_a_page_published_then_unpublished_disappears(api_client, tree):
    page = make_condition_page(tree["conditions"], title="Crohn's disease")
    assert titles(api_client.get(CONDITIONS)) == ["Crohn's disease"]
    page.unpublish()
    assert titles(api_client.get(CONDITIONS)) == []


def test_filters_by_type_tag_locale_and_parent(api_client, tree):
    make_condition_page(tree["conditions"], title="Multiple sclerosis", tags=["neurology"])
    make_condition_page(tree["conditions"], title="Fibromyalgia", tags=["pain"])
    association = make_association(tree["associations"], title="MS Together")
    make_article(association, title="Our spring meeting", tags=["neurology"])
    make_article(tree["articles"], title="Site news")

    assert titles(api_client.get(
        "/api/v1/pages/?type=cms.ConditionPage&tags=neurology")) == ["Multiple sclerosis"]
    assert titles(api_client.get(
        "/api/v1/pages/?type=cms.ArticlePage&tags=neurology")) == ["Our spring meeting"]
    assert titles(api_client.get(f"/api/v1/pages/?child_of={association.pk}")) == [
        "Our spring meeting"]
    assert titles(api_client.get("/api/v1/pages/?type=cms.ArticlePage&order=-title")) == [
        "Our spring meeting", "Site news"]
    assert titles(api_client.get("/api/v1/pages/?type=cms.ConditionPage&locale=fr")) == []


def test_the_french_tree_is_a_translation_of_the_english_one(api_client, tree):
    page = make_condition_page(tree["conditions"], title="Fibromyalgia")
    french_home = tree["home"].copy_for_translation(
        __import__("wagtail.models", fromlist=["Locale"]).Locale.objects.get(language_code="fr"))
    french_home.save_revision().publish()
    french_index = tree["conditions"].copy_for_translation(
        french_home.locale, copy_parents=False)
    french_index.save_revision().publish()
    french = page.copy_for_translation(french_home.locale)
    french.title = "Fibromyalgie"
    french.save_revision().publish()

    assert titles(api_client.get("/api/v1/pages/?type=cms.ConditionPage&locale=fr")) == [
        "Fibromyalgie"]
    assert titles(api_client.get(
        f"/api/v1/pages/?translation_of={page.pk}&type=cms.ConditionPage")) == ["Fibromyalgie"]


def test_article_shows_its_author_by_handle_only(api_client, tree):
    author = make_reviewer(email="writer@stent.example")
    article = make_article(tree["articles"], author=author)
    body = api_client.get(f"/api/v1/pages/{article.pk}/").json()
    assert body["author_handle"] is None or "@" not in body["author_handle"]
    assert "writer@stent.example" not in str(body)
    assert body["kind"] == "news"


def test_association_page_shows_contact_and_linked_communities(api_client, tree):
    from cms.models import AssociationCommunity

    community = CommunityFactory(name="Crohn's disease", slug="crohns")
    association = make_association(tree["associations"], contact_email="hello@asso.example",
                                   website="https://asso.example")
    association.linked_communities.add(AssociationCommunity(community=community))
    association.save_revision().publish()
    body = api_client.get(f"/api/v1/pages/{association.pk}/").json()
    assert body["contact"] == {"email": "hello@asso.example", "phone": None,
                               "website": "https://asso.example"}
    assert [link["community"]["slug"] for link in body["linked_communities"]] == ["crohns"]


@pytest.mark.parametrize("query, message", [
    ("limit=101", "limit cannot be higher than 100"),
    ("limit=-1", "limit must be a positive integer"),
    ("type=cms.NoSuchPage", "type doesn't exist"),
    ("order=nonsense", "cannot order by 'nonsense' (unknown field)"),
    ("child_of=abc", "child_of must be a positive integer"),
    ("unknown=1", "query parameter is not an operation or a recognised field: unknown"),
])
def test_bad_query_parameters_get_a_json_400(api_client, tree, query, message):
    response = api_client.get(f"/api/v1/pages/?{query}")
    assert response.status_code == 400
    assert response.json() == {"detail": message}


# Measured: at most 8 queries at page sizes 1 and 50 (view restrictions, site, its translations,
# count, the pages, site root paths for their URLs), whatever the page size.
LISTING_QUERIES = 8


@pytest.mark.parametrize("page_size", [1, 50])
@pytest.mark.parametrize("url", ["/api/v1/pages/?type=cms.ConditionPage",
                                 "/api/v1/pages/?type=cms.ConditionPage&search=chronic",
                                 "/api/v1/pages/?descendant_of={conditions}"])
def test_page_listings_run_a_fixed_number_of_queries(api_client, tree, page_size, url,
                                                     django_assert_max_num_queries):
    for _ in range(page_size):
        make_condition_page(tree["conditions"])
    make_private(make_condition_page(tree["conditions"]))
    url = url.format(conditions=tree["conditions"].pk)
    with django_assert_max_num_queries(LISTING_QUERIES):
        response = api_client.get(f"{url}&limit={page_size}")
    assert len(response.json()["items"]) == page_size


def test_the_wagtail_endpoints_are_in_the_openapi_schema(api_client):
    paths = api_client.get("/api/v1/schema/?format=json").json()["paths"]
    listing = paths["/api/v1/pages/"]["get"]
    parameters = {parameter["name"] for parameter in listing["parameters"]}
    assert {"type", "fields", "tags", "locale", "child_of", "descendant_of", "search", "order",
            "limit", "offset"} <= parameters
    body = listing["responses"]["200"]["content"]["application/json"]["schema"]
    assert body["required"] == ["meta", "items"]
    assert body["properties"]["meta"]["properties"] == {"total_count": {"type": "integer"}}
    assert body["properties"]["items"]["items"]["required"] == ["id", "meta"]
    detail = paths["/api/v1/pages/{id}/"]["get"]
    assert {"200", "400", "401", "403", "404", "429"} <= set(detail["responses"])
    for path in ("/api/v1/images/", "/api/v1/images/{id}/", "/api/v1/documents/",
                 "/api/v1/documents/{id}/", "/api/v1/pages/preview/"):
        assert "200" in paths[path]["get"]["responses"]
    assert not any(path.endswith("/find/") for path in paths)
