"""Acceptance 4 of the performance issue: every lean list gives, for each of its objects,
what that object's detail gives (the same JSON for every field the list shows).

The benchmark cases (``benchmarks/cases*.py``) name every list endpoint and seed it with rows
of every audience and state: each is listed here, anonymous and signed in, page by page, and
each row is compared with the object's own detail endpoint.
"""
import pytest
from rest_framework.test import APIClient

from benchmarks.cases import CASES
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ROWS = 12
#: Benchmarked lists that are no lean list: the member's notifications (no detail endpoint),
#: Wagtail's pages API and the site-wide search (hits of several models).
NOT_LEAN = {"notifications", "pages", "site search"}
LISTED = [case for case in CASES
          if case.endpoint.startswith("/api/") and case.seed and case.name not in NOT_LEAN]
#: Lists whose rows have no detail endpoint of their own.
NO_DETAIL = {"agenda occurrences"}  # an occurrence is a dated row of its event's series
#: Lists whose details are reached by another field than ``id``.
DETAIL_KEY = {"communities": "slug"}
#: Fields a list flattens out of the detail's nested objects: list name -> path in the detail.
FLATTENED = {
    "agenda events": {"venue_name": ("venue_details", "name"),
                      "venue_city": ("venue_details", "city"),
                      "price_amount": ("price", "amount"),
                      "price_currency": ("price", "currency")},
}


def in_detail(detail, path):
    for name in path:
        if detail is None:
            return None
        detail = detail[name]
    return detail


def detail_url(case, row):
    return f"{case.endpoint}{row[DETAIL_KEY.get(case.name, 'id')]}/"


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "member"])
@pytest.mark.parametrize("case", [case for case in LISTED if case.name not in NO_DETAIL],
                         ids=lambda case: case.name)
def test_each_listed_row_is_what_its_detail_gives(case, signed_in):
    viewer = UserFactory()
    case.seed(viewer, ROWS)
    client = APIClient()
    if signed_in:
        client.force_authenticate(viewer)
    response = client.get(case.endpoint, {"page_size": 5})
    assert response.status_code == 200, response.content[:300]
    rows, pages = [], 0
    while True:
        body = response.json()
        rows += body["results"]
        pages += 1
        if not body.get("next") or pages > ROWS:
            break
        response = client.get(body["next"])
    assert rows, f"{case.name}: the seeded list is empty for this viewer"
    for row in rows:
        detail = client.get(detail_url(case, row))
        assert detail.status_code == 200, (case.name, row["id"], detail.content[:300])
        shown = detail.json()
        for name, path in FLATTENED.get(case.name, {}).items():
            shown[name] = in_detail(shown, path)
        missing = set(row) - set(shown)
        assert not missing, f"{case.name}: the detail lacks {sorted(missing)}"
        assert row == {name: shown[name] for name in row}, case.name
