"""A list endpoint runs the same number of queries whatever the page size."""
from django.db import connection
from django.test.utils import CaptureQueriesContext

PAGE_SIZES = (1, 50)


def assert_constant_queries(client, url, make_rows, *, page_sizes=PAGE_SIZES, params=None):
    """Create ``max(page_sizes)`` visible rows with ``make_rows(n)``, GET ``url`` at each page
    size, and check every page is full and costs the same number of queries; returns it."""
    make_rows(max(page_sizes))
    # One request first: per-process caches (content types, permissions) fill once, not per page.
    client.get(url, {**(params or {}), "page_size": page_sizes[0]})
    counts = {}
    for size in page_sizes:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, {**(params or {}), "page_size": size})
        assert response.status_code == 200, response.content
        assert len(response.json()["results"]) == size, (
            f"{url} shows {len(response.json()['results'])} rows at page size {size}: "
            f"make_rows must create rows the client sees")
        counts[size] = len(queries)
    assert len(set(counts.values())) == 1, (
        f"{url} runs a number of queries that grows with the page size: {counts}\n"
        + "\n".join(q["sql"] for q in queries.captured_queries))
    return counts[page_sizes[0]]
