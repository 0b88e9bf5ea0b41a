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
