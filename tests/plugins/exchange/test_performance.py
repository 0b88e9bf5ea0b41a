"""The listings list costs the same number of queries at page sizes 1 and 50."""
import pytest

from tests.kit import assert_constant_queries
from tests.plugins.exchange.conftest import client_for
from tests.plugins.exchange.factories import make_listing

pytestmark = pytest.mark.django_db


def test_the_listings_list_runs_a_fixed_number_of_queries(member, other):
    queries = assert_constant_queries(
        client_for(other), "/api/v1/exchange/listings/",
        lambda n: [make_listing(owner=member) for _ in range(n)])
    assert queries <= 6


@pytest.mark.parametrize("path", ["messages", "thanks"])
def test_conversation_lists_run_a_fixed_number_of_queries(member, other, path):
    from plugins.exchange.models import Message, Thanks
    from tests.plugins.exchange.factories import make_request

    request = make_request(listing=make_listing(owner=member), owner=other, status="received")
    model = Message if path == "messages" else Thanks

    def rows(n):
        for index in range(n):
            if model is Message:
                Message.objects.create(request=request, owner=member, body=f"Hi {index}")
            else:
                extra = make_request(listing=request.listing, status="received")
                Thanks.objects.create(request=request, owner=extra.owner, body="Merci")

    assert assert_constant_queries(client_for(other), f"/api/v1/exchange/requests/"
                                   f"{request.pk}/{path}/", rows) <= 8
