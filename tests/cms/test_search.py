"""GET /api/v1/search/?q=: pages and plugin objects, ranked together, only what the requester
may see."""
import pytest

from core.hookspecs import hookimpl
from core.plugins import get_manager
from core.privacy.audiences import Audience
from tests.cms.factories import make_condition_page, make_private
from tests.factories import CommunityFactory, MembershipFactory, UserFactory
from tests.testapp.models import Note

pytestmark = pytest.mark.django_db


def search(client, query, **params):
    response = client.get("/api/v1/search/", {"q": query, **params})
    assert response.status_code == 200, response.content
    return response.json()


def test_finds_a_page_by_a_word_of_its_body(api_client, tree):
    page = make_condition_page(tree["conditions"], title="Type 1 diabetes",
                               body=[{"type": "paragraph",
                                      "value": "<p>Glucagon raises blood glucose.</p>"}])
    make_condition_page(tree["conditions"], title="Fibromyalgia")
    body = search(api_client, "glucagon")
    assert body["previous"] is None and body["next"] is None
    assert body["results"] == [{
        "type": "cms.ConditionPage", "id": str(page.pk), "title": "Type 1 diabetes",
        "excerpt": "A chronic condition explained in plain words.",
        "url": f"/api/v1/pages/{page.pk}/",
    }]


def test_drafts_and_private_pages_are_never_found(api_client, tree):
    make_condition_page(tree["conditions"], title="Draft", live=False, summary="insulin")
    make_private(make_condition_page(tree["conditions"], title="Private", summary="insulin"))
    make_condition_page(tree["conditions"], title="Public", summary="insulin")
    assert [hit["title"] for hit in search(api_client, "insulin")["results"]] == ["Public"]


def test_finds_plugin_objects_only_for_those_who_may_see_them(api_client, tree, notes_plugin):
    owner, member, outsider = UserFactory(), UserFactory(), UserFactory()
    community = CommunityFactory()
    MembershipFactory(community=community, member=member)
    public = Note.objects.create(owner=owner, title="Public walk", body="A gentle walk.",
                                 audience=Audience.PUBLIC)
    Note.objects.create(owner=owner, title="Private walk", body="My own walk.",
                        audience=Audience.PRIVATE)
    shared = Note.objects.create(owner=owner, title="Community walk", body="Our walk.",
                                 audience=Audience.COMMUNITY, community=community)
    hidden = Note.objects.create(owner=owner, title="Hidden walk", body="Reported walk.",
                                 audience=Audience.PUBLIC)
    from django.utils import timezone
    Note.objects.filter(pk=hidden.pk).update(hidden_at=timezone.now())
    make_condition_page(tree["conditions"], title="Walking with fibromyalgia",
                        summary="A daily walk helps.")

    def titles_for(user):
        if user is None:
            api_client.logout()
        else:
            api_client.force_authenticate(user)
        return sorted(hit["title"] for hit in search(api_client, "walk")["results"])

    assert titles_for(None) == ["Public walk", "Walking with fibromyalgia"]
    assert titles_for(outsider) == ["Public walk", "Walking with fibromyalgia"]
    assert titles_for(member) == ["Community walk", "Public walk", "Walking with fibromyalgia"]
    assert titles_for(owner) == ["Community walk", "Hidden walk", "Private walk", "Public walk",
                                 "Walking with fibromyalgia"]
    api_client.force_authenticate(None)
    hit = next(h for h in search(api_client, "gentle")["results"])
    assert hit == {"type": "testapp.note", "id": str(public.pk), "title": "Public walk",
                   "excerpt": "A gentle walk.", "url": f"/api/v1/notes/{public.pk}/"}
    assert str(shared.pk) not in str(search(api_client, "walk"))


def test_results_are_paginated_and_filtered_by_locale(api_client, tree):
    for number in range(3):
        make_condition_page(tree["conditions"], title=f"Asthma {number}", summary="asthma")
    first = search(api_client, "asthma", page_size=2)
    assert len(first["results"]) == 2 and first["next"] and first["previous"] is None
    assert search(api_client, "asthma", locale="fr")["results"] == []


@pytest.mark.parametrize("params, errors", [
    ({}, {"q": ["Give some words to search for."]}),
    ({"q": "   "}, {"q": ["Give some words to search for."]}),
    ({"q": "x" * 201}, {"q": ["Ensure this field has no more than 200 characters."]}),
    ({"q": "asthma", "locale": "de"}, {"locale": ["Unknown locale \"de\"."]}),
])
def test_bad_search_requests_get_a_json_400(api_client, params, errors):
    response = api_client.get("/api/v1/search/", params)
    assert response.status_code == 400
    assert response.json() == errors


def test_search_errors_speak_the_requests_language(api_client):
    response = api_client.get("/api/v1/search/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 400
    assert response.json() == {"q": ["Donnez quelques mots à rechercher."]}


def test_a_model_missing_the_search_protocol_is_reported_by_name(api_client, db):
    from django.core.exceptions import ImproperlyConfigured

    from cms.models import ConditionSource
    from cms.search import searchable_models

    class Broken:
        @hookimpl
        def stent_search_models(self):
            return [ConditionSource]

    plugin = Broken()
    get_manager().register(plugin, name="broken_search")
    try:
        with pytest.raises(ImproperlyConfigured, match="cms.ConditionSource is registered"):
            searchable_models()
    finally:
        get_manager().unregister(plugin)


def test_search_runs_a_fixed_number_of_queries(api_client, tree, notes_plugin):
    """The same number of queries for 1 or 50 matches of each kind: two per searchable model
    (its ranking, its visible objects), plus the pages' and the request's own."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for page_size in (1, 50):
        while Note.objects.count() < page_size:
            number = Note.objects.count()
            make_condition_page(tree["conditions"], summary="asthma")
            Note.objects.create(title=f"asthma {number}", audience=Audience.PUBLIC)
        with CaptureQueriesContext(connection) as queries:
            body = search(api_client, "asthma", page_size=page_size)
        assert len(body["results"]) == page_size
        counts[page_size] = len(queries)
    assert counts[1] == counts[50]


def test_a_visible_match_is_found_behind_300_invisible_ones(api_client, tree, notes_plugin):
    """Visibility is applied inside the search, not to the first few hundred matches."""
    owner = UserFactory()
    Note.objects.bulk_create([Note(owner=owner, audience=Audience.PRIVATE,
                                   title=f"gastroparesis diary {i}") for i in range(300)])
    visible = Note.objects.create(owner=owner, audience=Audience.PUBLIC,
                                  title="gastroparesis diary for everyone")
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    for note in Note.objects.all():
        backend.add(note)
    results = search(api_client, "gastroparesis")["results"]
    assert [hit["id"] for hit in results] == [str(visible.pk)]
