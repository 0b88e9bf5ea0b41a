"""Every list endpoint runs a fixed number of queries, whatever the page size."""
import pytest

from plugins.petitions import services
from plugins.petitions.models import Promoter
from tests.factories import UserFactory
from tests.plugins.petitions.conftest import client_for
from tests.plugins.petitions.factories import make_petition

pytestmark = pytest.mark.django_db

URL = "/api/v1/petitions/"


@pytest.fixture
def crowd():
    """Sixty petitions with tags and a community; one of them with sixty named signers, news
    and promoters."""
    author = UserFactory()
    petitions = [make_petition(owner=author) for _ in range(60)]
    for petition in petitions:
        petition.tags.add("care", "access")
    busy = petitions[0]
    for n in range(60):
        services.sign(busy, UserFactory(), show_name=True, comment=f"comment {n}")
        services.post_update(busy, author, title=f"News {n}", body="...")
        Promoter.objects.create(petition=busy, member=UserFactory(), status="accepted")
    return author, busy


@pytest.mark.parametrize("viewer", ["anonymous", "member", "author"])
@pytest.mark.parametrize("path, queries", [
    ("", 2),                     # petitions with their author, community, flags; their tags
    ("{busy}/signatures/", 2),   # the petition, then named signers with their handles
    ("{busy}/updates/", 2),      # the petition, then news with their authors
    ("{busy}/promoters/", 3),    # the petition, a count for page numbers, the page
])
def test_list_queries_do_not_grow_with_the_page(crowd, viewer, path, queries,
                                                django_assert_num_queries):
    author, busy = crowd
    user = {"anonymous": None, "member": UserFactory(), "author": author}[viewer]
    client = client_for(user)
    url = URL + path.format(busy=busy.pk)
    for size in (1, 50):
        with django_assert_num_queries(queries):
            response = client.get(url, {"page_size": size})
        assert response.status_code == 200
        assert len(response.json()["results"]) == size
