"""The site-wide search on PostgreSQL: ranked inside ``visible_to`` through the index's own GIN
index, one query for every plugin model, and writes that do not grow with the index."""
import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.search.backends import get_search_backend

from cms import search_indexed
from cms.search import searchable_models
from cms.tasks import refresh_search_norms
from core.privacy.audiences import Audience
from tests.factories import UserFactory
from tests.testapp.models import Note

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="the indexed ranking is PostgreSQL's database backend's"),
]


def indexed_note(**fields):
    note = Note.objects.create(**fields)
    get_search_backend().add(note)
    return note


def search(client, query, **params):
    response = client.get("/api/v1/search/", {"q": query, **params})
    assert response.status_code == 200, response.content
    return [hit["title"] for hit in response.json()["results"]]


def test_the_candidates_query_is_served_by_the_title_and_body_index(notes_plugin):
    """The migration's GIN index serves the match (the expression must stay the same)."""
    backend = get_search_backend()
    assert search_indexed.uses_indexed_ranking(backend)
    _compiler, _config, tsquery = search_indexed.compiled(backend, "asthma", Note)
    entries = apps.get_model("wagtailsearch", "IndexEntry").objects
    matches = entries.annotate(document=search_indexed.DOCUMENT).filter(document=tsquery)
    sql, params = matches.values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "stent_indexentry_title_body_gin" in plan


def test_every_plugin_model_is_searched_in_one_query(api_client, notes_plugin):
    indexed_note(title="Asthma diary", audience=Audience.PUBLIC)
    with CaptureQueriesContext(connection) as queries:
        assert search(api_client, "asthma") == ["Asthma diary"]
    ranked = [q for q in queries.captured_queries if "wagtailsearch_indexentry" in q["sql"]
              and "UNION ALL" in q["sql"]]
    assert len(ranked) == 1
    assert len(searchable_models()) > 1  # the other plugins' models are parts of that query


def test_terms_may_match_across_title_and_body_and_rank_title_first(api_client, notes_plugin):
    indexed_note(title="Inhaler", body="asthma at night", audience=Audience.PUBLIC)
    indexed_note(title="Asthma at school", body="an inhaler in the bag", audience=Audience.PUBLIC)
    indexed_note(title="Asthma alone", body="nothing else", audience=Audience.PUBLIC)
    assert sorted(search(api_client, "asthma inhaler")) == ["Asthma at school", "Inhaler"]
    assert search(api_client, "asthma")[0].startswith("Asthma")


def test_visibility_is_checked_inside_the_ranked_query(api_client, notes_plugin):
    """Even past the candidate window: 1,200 private matches, newer than the visible one."""
    owner = UserFactory()
    visible = indexed_note(owner=owner, title="Gastroparesis for all", audience=Audience.PUBLIC)
    notes = Note.objects.bulk_create([Note(owner=owner, audience=Audience.PRIVATE,
                                           title=f"gastroparesis diary {i}")
                                      for i in range(search_indexed.CANDIDATES + 200)])
    get_search_backend().add_bulk(Note, notes)
    assert search(api_client, "gastroparesis") == [visible.title]
    api_client.force_authenticate(owner)
    assert len(search(api_client, "gastroparesis", page_size=50)) == 50


def test_a_write_does_not_rewrite_the_norms_of_the_whole_index(notes_plugin):
    """modelsearch averaged and updated every entry after each write (10 s at 200k)."""
    for number in range(5):
        indexed_note(title=f"A title of some length {number}", audience=Audience.PUBLIC)
    note = Note.objects.create(title="Another", audience=Audience.PUBLIC)
    with CaptureQueriesContext(connection) as queries:
        get_search_backend().add(note)
    statements = [q["sql"].lstrip().split()[0].upper() for q in queries.captured_queries]
    assert statements == ["INSERT"], statements


def test_the_periodic_job_recomputes_the_norms():
    entries = apps.get_model("wagtailsearch", "IndexEntry").objects
    short = indexed_note(title="Short", audience=Audience.PUBLIC)
    indexed_note(title="A much longer title than the other one", audience=Audience.PUBLIC)
    short_entry = entries.get(object_id=str(short.pk))
    assert short_entry.title_norm == 1.0
    refresh_search_norms.call()
    short_entry.refresh_from_db()
    assert short_entry.title_norm > 1.0  # shorter than the average title: weighs more
