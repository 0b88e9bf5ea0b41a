"""Issue 17 item 7: moderators reach what they must review (a submitted petition of any
audience) in the API, the review action and the admin; nothing more of the author's content."""
import pytest
from django.contrib.auth.models import Permission

from core.privacy.audiences import Audience
from plugins.petitions.models import Petition, Status
from tests.factories import CommunityFactory, MembershipFactory
from tests.plugins.petitions.conftest import client_for
from tests.plugins.petitions.factories import draft, make_petition

pytestmark = pytest.mark.django_db

URL = "/api/v1/petitions/"


@pytest.fixture
def petitions():
    community = CommunityFactory()
    author = MembershipFactory(community=community).member
    submitted = {audience: draft(owner=author, status=Status.SUBMITTED, audience=audience,
                                 community=community, title=f"Submitted {audience}")
                 for audience in (Audience.CIRCLE, Audience.COMMUNITY, Audience.PRIVATE)}
    unseen = [draft(owner=author, audience=Audience.CIRCLE, title="A circle draft"),
              make_petition(owner=author, audience=Audience.CIRCLE, title="An open circle one"),
              make_petition(owner=author, audience=Audience.COMMUNITY, community=community,
                            title="An open community one")]
    return submitted, unseen


def test_moderators_reach_submitted_petitions_of_any_audience_and_nothing_more(
        moderator, petitions):
    submitted, unseen = petitions
    reached = set(Petition.objects.visible_to(moderator))
    assert reached == set(submitted.values())
    client = client_for(moderator)
    listed = {row["id"] for row in client.get(URL).json()["results"]}
    assert listed == {str(p.pk) for p in submitted.values()}
    for petition in unseen:
        assert client.get(f"{URL}{petition.pk}/").status_code == 404


def test_moderators_publish_a_community_petition_through_the_api(moderator, petitions):
    submitted, _unseen = petitions
    petition = submitted[Audience.COMMUNITY]
    response = client_for(moderator).post(f"{URL}{petition.pk}/publish/")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "published"
    # Published, it keeps its audience: the moderator (not in the community) no longer sees it.
    assert client_for(moderator).get(f"{URL}{petition.pk}/").status_code == 404


def test_the_admin_review_queue_lists_and_reviews_a_circle_petition(client, moderator,
                                                                   petitions):
    submitted, unseen = petitions
    moderator.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="petitions",
                                   codename__in=["view_petition", "change_petition"]))
    client.force_login(moderator)
    page = client.get("/admin/petitions/", {"status": "submitted"}).content.decode()
    for petition in submitted.values():
        assert petition.title in page
        assert f"/admin/petitions/review/{petition.pk}/" in page
    for petition in unseen:
        assert petition.title not in page
    circle = submitted[Audience.CIRCLE]
    assert client.get(f"/admin/petitions/review/{circle.pk}/").status_code == 200
    client.post(f"/admin/petitions/review/{circle.pk}/", {"decision": "publish"})
    circle.refresh_from_db()
    assert circle.status == Status.PUBLISHED
