"""Every list endpoint runs a fixed number of queries, whatever the page size."""
import pytest

from plugins.crowdfunding.services.updates import post_update
from tests.factories import UserFactory
from tests.plugins.crowdfunding.conftest import client_for
from tests.plugins.crowdfunding.factories import make_campaign, make_tier, paid_pledge

pytestmark = pytest.mark.django_db

URL = "/api/v1/crowdfunding/"


@pytest.fixture
def crowd():
    """Sixty campaigns; one with sixty tiers, sixty named pledges by one backer, sixty updates."""
    owner, backer = UserFactory(), UserFactory()
    campaigns = [make_campaign(owner=owner) for _ in range(60)]
    busy = campaigns[0]
    for n in range(60):
        tier = make_tier(campaign=busy, position=n)
        paid_pledge(busy, backer, tier=tier, named=True, message=f"Bravo {n}")
        post_update(busy, owner, title=f"News {n}", body="...")
    return owner, backer, busy


LISTS = [  # (path, viewer, queries)
    ("campaigns/", "anonymous", 1),
    ("campaigns/", "member", 1),
    ("campaigns/{busy}/tiers/", "anonymous", 2),          # the campaign, the page
    ("campaigns/{busy}/pledges/", "anonymous", 2),        # the campaign, named backers
    ("campaigns/{busy}/updates/", "member", 2),           # the campaign, the updates
    ("campaigns/{busy}/updates/", "owner", 2),
    ("campaigns/{busy}/pledges/mine/", "backer", 2),      # the campaign, the pledges
    ("pledges/mine/", "backer", 1),
    ("campaigns/{busy}/pledges/managed/", "owner", 2),    # the campaign, the pledges
]


def test_list_queries_do_not_grow_with_the_page(crowd, django_assert_num_queries):
    owner, backer, busy = crowd
    viewers = {"anonymous": None, "member": UserFactory(), "owner": owner, "backer": backer}
    for path, viewer, queries in LISTS:
        client = client_for(viewers[viewer])
        url = URL + path.format(busy=busy.pk)
        for size in (1, 50):
            with django_assert_num_queries(queries):
                response = client.get(url, {"page_size": size})
            assert response.status_code == 200, (url, response.json())
            assert len(response.json()["results"]) == size, url
