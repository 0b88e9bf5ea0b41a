"""Does any list path grow with the table? `python -m benchmarks.scale [--rows 200000]`.

Seeds the petitions (the largest collection: every audience and state, two tags each) at
``--small`` rows, times each petitions case (its orderings and filters, anonymous and signed in
with a session token) and the site-wide search, then grows the table to ``--rows`` with bulk
inserts (a progress bar) and times them again. For each case it prints the median time at both
sizes, the ratio (target: at most 2x) and whether ``EXPLAIN`` of any of the case's queries
shows a sequential scan on a table of more than 10,000 rows (target: none). PostgreSQL
(``DATABASE_URL``) is the database this is meant for; on SQLite the plan check reads
``EXPLAIN QUERY PLAN`` (``SCAN <table>`` without an index).
"""
import argparse
import json
import os
import statistics
import time

LARGE_TABLE = 10_000
BATCH = 5_000


def seed_petitions(author, tags, start, count, progress=None):
    """``count`` more petitions numbered from ``start`` (as benchmarks.cases seeds them)."""
    from datetime import timedelta

    from django.utils import timezone
    from wagtail.search.backends import get_search_backend

    from core.privacy.audiences import Audience
    from plugins.petitions.models import Petition, Status, TaggedPetition

    audiences = [Audience.PUBLIC, Audience.MEMBERS, Audience.PUBLIC, Audience.PRIVATE]
    states = [Status.PUBLISHED, Status.PUBLISHED, Status.CLOSED, Status.DRAFT]
    now = timezone.now()
    for first in range(start, start + count, BATCH):
        numbers = range(first, min(first + BATCH, start + count))
        petitions = Petition.objects.bulk_create(
            Petition(owner=author, audience=audiences[i % 4], status=states[(i // 4) % 4],
                     slug=f"bench-petition-{i}", title=f"Reimburse treatment {i}",
                     text="We ask the insurer to reimburse this treatment. " * 10,
                     target="National health insurer", signature_goal=1000,
                     signature_count=i % 5000, opens_at=now - timedelta(days=1),
                     closes_at=now + timedelta(days=1 + i % 90, minutes=i % 1440))
            for i in numbers)
        TaggedPetition.objects.bulk_create(
            TaggedPetition(content_object=petition, tag=tags[(n + k) % 3])
            for n, petition in zip(numbers, petitions) for k in range(2))
        # In the search index too, as saving them one by one would (the site search reads it).
        get_search_backend().add_bulk(Petition, petitions)
        if progress is not None:
            progress.update(len(numbers))


def cases():
    """(name, url, params) of the petitions list's paths and the site-wide search."""
    url = "/api/v1/petitions/"
    return [
        ("petitions newest", url, {}),
        ("petitions most_signed", url, {"ordering": "most_signed"}),
        ("petitions closing_soon", url, {"ordering": "closing_soon"}),
        ("petitions tag", url, {"tag": "care"}),
        ("petitions unknown tag", url, {"tag": "no-such-tag"}),
        ("petitions unknown community", url, {"community": "no-such-community"}),
        ("petitions search (rare)", url, {"search": "treatment 1234"}),
        ("petitions search (common)", url, {"search": "reimburse"}),
        ("site search (rare)", "/api/v1/search/", {"q": "1234"}),
        ("site search (common)", "/api/v1/search/", {"q": "treatment"}),
    ]


def time_case(client, url, params, headers, requests):
    times = []
    for _ in range(requests):
        start = time.perf_counter()
        response = client.get(url, {"page_size": 50, **params}, headers=headers)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code, response.content[:300])
    return statistics.median(times)


def large_tables(connection):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT relname FROM pg_class WHERE relkind = 'r' AND reltuples > %s",
                           [LARGE_TABLE])
            return {name for (name,) in cursor.fetchall()}
        names = connection.introspection.table_names(cursor)
        large = set()
        for name in names:
            cursor.execute(f'SELECT COUNT(*) FROM "{name}"')
            if cursor.fetchone()[0] > LARGE_TABLE:
                large.add(name)
        return large


def _seq_scans(plan, found):
    if isinstance(plan, dict):
        if plan.get("Node Type") == "Seq Scan":
            found.add(plan.get("Relation Name"))
        for value in plan.values():
            _seq_scans(value, found)
    elif isinstance(plan, list):
        for value in plan:
            _seq_scans(value, found)
    return found


def seq_scans(connection, client, url, params, headers, large):
    """The large tables that some query of the request reads whole, by its EXPLAIN."""
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(url, {"page_size": 50, **params}, headers=headers)
    found = set()
    with connection.cursor() as cursor:
        for query in captured.captured_queries:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            if connection.vendor == "postgresql":
                cursor.execute("EXPLAIN (FORMAT JSON) " + sql)
                plan = cursor.fetchone()[0]
                _seq_scans(json.loads(plan) if isinstance(plan, str) else plan, found)
            else:
                try:
                    cursor.execute("EXPLAIN QUERY PLAN " + sql)
                except Exception:  # a captured SQLite query is not always re-runnable as text
                    continue
                for row in cursor.fetchall():
                    detail = row[-1]
                    if detail.startswith("SCAN ") and " USING " not in detail:
                        found.add(detail.split()[1])
    return sorted(name for name in found if name in large)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--small", type=int, default=2_000)
    parser.add_argument("--requests", type=int, default=15)
    args = parser.parse_args()

    os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.settings"
    import logging

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from taggit.models import Tag
    from tqdm import tqdm

    from benchmarks.run import session_token

    logging.getLogger("stent.request").propagate = False
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        user_model = get_user_model()
        viewer = user_model.objects.create_user(email="bench-viewer@stent.example", password="x")
        author = user_model.objects.create_user(email="bench-promoter@stent.example",
                                                password="x")
        tags = [Tag.objects.create(name=name, slug=name) for name in ("care", "access", "rights")]
        viewers = {"anonymous": {}, "token": {"X-Session-Token": session_token(viewer)}}
        client = Client()
        figures = {}
        seeded = 0
        for size in (args.small, args.rows):
            with tqdm(total=size - seeded, desc=f"seeding {size} petitions", unit="rows") as bar:
                seed_petitions(author, tags, seeded, size - seeded, bar)
            seeded = size
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
            large = large_tables(connection)
            for name, url, params in cases():
                for viewer_name, headers in viewers.items():
                    time_case(client, url, params, headers, 3)  # warm
                    median = time_case(client, url, params, headers, args.requests)
                    scans = seq_scans(connection, client, url, params, headers, large) \
                        if size == args.rows else []
                    figures.setdefault((name, viewer_name), []).append((median, scans))
        print(f"# {connection.vendor}: {args.small} vs {args.rows} petitions, median of "
              f"{args.requests} requests, load average {os.getloadavg()[0]:.2f}")
        print(f"{'case':<30} {'viewer':<9} {'ms at ' + str(args.small):>10} "
              f"{'ms at ' + str(args.rows):>12} {'x':>5}  seq scans on tables > {LARGE_TABLE}")
        for (name, viewer_name), ((small, _), (big, scans)) in figures.items():
            growth = big / small
            flag = "" if growth <= 2 else "  (more than 2x)"
            print(f"{name:<30} {viewer_name:<9} {small * 1000:>10.1f} {big * 1000:>12.1f} "
                  f"{growth:>5.1f}  {', '.join(scans) or 'none'}{flag}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
