"""Every list endpoint runs a fixed number of queries, whatever the page size."""
import pytest

from plugins.petitions import services
from plugins.petitions.models import Promoter
from tests.factories import UserFactory
from tests.kit import assert_constant_queries
from tests.plugins.petitions.conftest import client_for
from tests.plugins.petitions.factories import make_petition

pytestmark = pytest.mark.django_db

URL = "/api/v1/petitions/"


# make_rows factories: each gives n more rows of one list around the petition ``busy``.
def tagged_petitions(busy, author):
    def make(n):
        for _ in range(n):
            make_petition(owner=author).tags.add("care", "access")
    return make


def named_signers(busy, author):
    def make(n):
        for number in range(n):
            services.sign(busy, UserFactory(), show_name=True, comment=f"comment {number}")
    return make


def news(busy, author):
    def make(n):
        for number in range(n):
            services.post_update(busy, author, title=f"News {number}", body="...")
    return make


def promoters(busy, author):
    def make(n):
        for _ in range(n):
            Promoter.objects.create(petition=busy, member=UserFactory(), status="accepted")
    return make


@pytest.mark.parametrize("viewer", ["anonymous", "member", "author"])
@pytest.mark.parametrize("path, rows, queries", [
    ("", tagged_petitions, 1),                 # petitions with author, community, flags, tags
    ("{busy}/signatures/", named_signers, 2),  # the petition, then named signers and handles
    ("{busy}/updates/", news, 2),              # the petition, then news with their authors
    ("{busy}/promoters/", promoters, 3),       # the petition, a count for page numbers, the page
])
def test_list_queries_do_not_grow_with_the_page(viewer, path, rows, queries):
    author = UserFactory()
    busy = make_petition(owner=author)
    busy.tags.add("care")
    user = {"anonymous": None, "member": UserFactory(), "author": author}[viewer]
    url = URL + path.format(busy=busy.pk)
    assert assert_constant_queries(client_for(user), url, rows(busy, author)) == queries


@pytest.mark.parametrize("viewer", ["anonymous", "member", "author"])
def test_a_list_row_is_the_detail_of_the_same_petition(viewer, tmp_path, settings):
    """The lean list computes state, progress and flags in SQL: the same values as the detail."""
    from datetime import timedelta

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone

    from core.privacy.audiences import Audience
    from tests.factories import CommunityFactory, MembershipFactory
    from tests.plugins.petitions.factories import closed, draft

    settings.MEDIA_ROOT = tmp_path
    author = UserFactory()
    community = CommunityFactory()
    MembershipFactory(community=community, member=author)
    full = make_petition(owner=author, signature_goal=2, community=community,
                         audience=Audience.MEMBERS)
    full.tags.add("Care", "access")
    services.sign(full, author)
    for _ in range(2):
        services.sign(full, UserFactory())
    past = closed(owner=author, signature_goal=3)
    mine = draft(owner=author, rejection_reason="Name a target.")
    later = make_petition(owner=author, opens_at=timezone.now() + timedelta(days=2),
                          closes_at=timezone.now() + timedelta(days=9))
    later.cover = SimpleUploadedFile("cover.png", b"not read here")
    later.save()
    user = {"anonymous": None, "member": UserFactory(), "author": author}[viewer]
    client = client_for(user)
    rows = client.get(URL, {"page_size": 50}).json()["results"]
    assert len(rows) == (4 if viewer == "author" else 2 if viewer == "anonymous" else 3)
    for row in rows:
        assert row == client.get(f"{URL}{row['id']}/").json()
    states = {row["id"]: (row["status"], row["is_open"], row["percentage"]) for row in rows}
    assert states[str(past.pk)] == ("closed", False, 0)
    assert states[str(later.pk)] == ("published", False, 0)
    if viewer != "anonymous":
        assert states[str(full.pk)] == ("published", True, 100)
    if viewer == "author":
        assert states[str(mine.pk)] == ("draft", False, 0)


def test_an_empty_page_known_at_once_compiles_no_query_of_the_list(api_client, monkeypatch):
    """A filter answering ``none()`` (an unknown tag) costs no compilation of the list's
    columns and annotations: the empty page is the paginator's own, as before."""
    from django.db.models.sql.compiler import SQLCompiler

    from plugins.petitions.models import Petition

    compiled = []
    as_sql = SQLCompiler.as_sql

    def counting(compiler, *args, **kwargs):
        if compiler.query.model is Petition:
            compiled.append(len(compiler.query.annotations))
        return as_sql(compiler, *args, **kwargs)

    monkeypatch.setattr(SQLCompiler, "as_sql", counting)
    response = api_client.get("/api/v1/petitions/", {"tag": "no-such-tag"})
    assert response.status_code == 200
    assert response.json() == {"next": None, "previous": None, "results": []}
    assert not any(compiled), compiled  # at most a bare, empty query


def test_an_anonymous_first_page_walks_an_index_instead_of_sorting_every_row(api_client):
    """SQLite sorting the visible rows would compute each one's tags first (the list's
    correlated subquery): the newest public petitions are read in index order instead."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if connection.vendor != "sqlite":
        pytest.skip("the plan checked is SQLite's (PostgreSQL sorts after the LIMIT)")
    for number in range(3):
        make_petition(title=f"Petition {number}").tags.add("care")
    with CaptureQueriesContext(connection) as queries:
        assert api_client.get(URL, {"page_size": 2}).status_code == 200
    [listed] = [query["sql"] for query in queries.captured_queries
                if "petitions_petition" in query["sql"]]
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {listed}")
        plan = [row[-1] for row in cursor.fetchall()]
    assert not any("TEMP B-TREE FOR ORDER BY" in step for step in plan), plan
