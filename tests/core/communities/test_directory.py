"""The communities directory and detail: filters, unlisted ones, the viewer's membership."""
import pytest

from core.communities.models import Community, Membership
from tests.factories import CommunityFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def names(response):
    return [community["name"] for community in response.json()["results"]]


def test_directory_lists_listed_communities_and_my_unlisted_ones(api_client, settings):
    settings.STENT_MIN_GROUP_SIZE = 2
    crohn = CommunityFactory(name="Crohn's disease", slug="crohn", language="en")
    CommunityFactory(name="Fibromyalgie", slug="fibro", language="fr")
    secret = CommunityFactory(name="Rare syndrome", slug="rare",
                              visibility=Community.Visibility.UNLISTED)
    assert names(api_client.get("/api/v1/communities/")) == ["Crohn's disease", "Fibromyalgie"]
    member = UserFactory()
    MembershipFactory(community=secret, member=member)
    api_client.force_authenticate(member)
    assert names(api_client.get("/api/v1/communities/")) == [
        "Crohn's disease", "Fibromyalgie", "Rare syndrome"]
    assert names(api_client.get("/api/v1/communities/?member=true")) == ["Rare syndrome"]
    assert names(api_client.get("/api/v1/communities/?language=fr")) == ["Fibromyalgie"]
    MembershipFactory.create_batch(2, community=crohn)
    detail = api_client.get("/api/v1/communities/crohn/").json()
    assert detail == {
        "id": str(crohn.id), "name": "Crohn's disease", "slug": "crohn", "description": "",
        "language": "en", "visibility": "listed", "joining_policy": "open", "conditions": [],
            "associations": [],
        "member_count": 2, "membership": None, "created_at": detail["created_at"]}
    assert api_client.get("/api/v1/communities/rare/").json()["membership"] == {
        "status": "active", "role": "member"}


def test_small_communities_do_not_publish_their_member_count(api_client, settings):
    settings.STENT_MIN_GROUP_SIZE = 10
    community = CommunityFactory(slug="tiny")
    MembershipFactory.create_batch(3, community=community)
    assert api_client.get("/api/v1/communities/tiny/").json()["member_count"] is None


def test_unlisted_communities_are_reachable_by_their_link(api_client):
    CommunityFactory(slug="rare", visibility=Community.Visibility.UNLISTED)
    assert api_client.get("/api/v1/communities/rare/").status_code == 200
    assert names(api_client.get("/api/v1/communities/")) == []


def test_member_filter_for_anonymous_visitors_is_empty(api_client):
    CommunityFactory()
    assert names(api_client.get("/api/v1/communities/?member=true")) == []


@pytest.mark.parametrize("page_size", [1, 50])
def test_directory_query_count(api_client, page_size, django_assert_max_num_queries):
    member, association = UserFactory(), UserFactory()
    for number in range(55):
        community = CommunityFactory()
        MembershipFactory(community=community, member=member,
                          role=Membership.Role.MODERATOR if number % 2 else Membership.Role.MEMBER)
        community.associations.add(association)
    api_client.force_authenticate(member)
    with django_assert_max_num_queries(4):  # count, page, associations prefetch (+ margin)
        response = api_client.get(f"/api/v1/communities/?page_size={page_size}")
    results = response.json()["results"]
    assert len(results) == page_size
    assert results[0]["associations"] == [association.profile.handle]


def test_the_directory_is_read_in_two_queries_without_building_objects(
        api_client, django_assert_num_queries, settings):
    """The lean directory: a count and one query holding each community's conditions,
    associations, member count and the viewer's membership; no model instance per row."""
    from core.identity.models import Condition
    from tests.kit import no_objects_built

    settings.STENT_MIN_GROUP_SIZE = 1
    member, association = UserFactory(), UserFactory()
    diabetes = Condition.objects.create(name="Diabetes", slug="diabetes", name_fr="Diabète")
    asthma = Condition.objects.create(name="Asthma", slug="asthma")
    for number in range(3):
        community = CommunityFactory(name=f"Community {number}")
        community.conditions.add(diabetes, asthma)
        community.associations.add(association)
        MembershipFactory(community=community, member=member)
    api_client.force_authenticate(member)
    with no_objects_built(), django_assert_num_queries(2):
        response = api_client.get("/api/v1/communities/", HTTP_ACCEPT_LANGUAGE="fr")
    first = response.json()["results"][0]
    assert list(first) == ["id", "name", "slug", "description", "language", "visibility",
                           "joining_policy", "conditions", "associations", "member_count",
                           "membership", "created_at"]
    assert first["conditions"] == [{"slug": "asthma", "name": "Asthma"},
                                   {"slug": "diabetes", "name": "Diabète"}]
    assert first["associations"] == [association.profile.handle]
    assert first["member_count"] == 1
    assert first["membership"] == {"status": "active", "role": "member"}
