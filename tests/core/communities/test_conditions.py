"""Communities tagged with the curated conditions, and the directory's condition filter."""
import pytest

from core.communities.demo import create_demo_communities
from core.communities.models import Membership
from core.identity.models import Condition
from tests.factories import CommunityFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def conditions():
    return {slug: Condition.objects.create(name=name, slug=slug) for slug, name in [
        ("type-1-diabetes", "Type 1 diabetes"), ("multiple-sclerosis", "Multiple sclerosis"),
        ("crohn", "Crohn's disease")]}


def test_communities_list_their_conditions_and_filter_by_one(api_client, conditions):
    diabetes = CommunityFactory(name="Diabetes T1", slug="t1")
    diabetes.conditions.add(conditions["type-1-diabetes"])
    ibd = CommunityFactory(name="IBD", slug="ibd")
    ibd.conditions.add(conditions["crohn"], conditions["multiple-sclerosis"])
    CommunityFactory(name="Caregivers", slug="caregivers")

    response = api_client.get("/api/v1/communities/?condition=crohn")
    assert [c["slug"] for c in response.json()["results"]] == ["ibd"]
    assert response.json()["results"][0]["conditions"] == [
        {"slug": "crohn", "name": "Crohn's disease"},
        {"slug": "multiple-sclerosis", "name": "Multiple sclerosis"}]
    api_client.force_authenticate(UserFactory())  # the member's directory has a DISTINCT
    response = api_client.get("/api/v1/communities/?condition=type-1-diabetes")
    assert [c["slug"] for c in response.json()["results"]] == ["t1"]
    assert api_client.get("/api/v1/communities/?condition=unknown").json()["results"] == []
    assert api_client.get("/api/v1/communities/t1/").json()["conditions"] == [
        {"slug": "type-1-diabetes", "name": "Type 1 diabetes"}]


@pytest.mark.parametrize("page_size", [1, 50])
def test_condition_filter_query_count(api_client, conditions, page_size,
                                      django_assert_max_num_queries):
    member = UserFactory()
    for number in range(55):
        community = CommunityFactory()
        community.conditions.add(conditions["crohn"], conditions["type-1-diabetes"])
        MembershipFactory(community=community, member=member,
                          role=Membership.Role.MODERATOR if number % 2 else Membership.Role.MEMBER)
    api_client.force_authenticate(member)
    # count, page, associations prefetch, conditions prefetch
    with django_assert_max_num_queries(4):
        response = api_client.get(f"/api/v1/communities/?condition=crohn&page_size={page_size}")
    results = response.json()["results"]
    assert len(results) == page_size
    assert [c["slug"] for c in results[0]["conditions"]] == ["crohn", "type-1-diabetes"]


def test_conditions_are_named_in_the_readers_language(api_client):
    diabetes = Condition.objects.create(name="Type 1 diabetes", slug="type-1-diabetes",
                                        name_fr="Diabète de type 1")
    Condition.objects.create(name="Asthma", slug="asthma")  # no French name yet
    community = CommunityFactory(name="Diabète de type 1", slug="dt1", language="fr")
    community.conditions.add(diabetes)

    french = {"HTTP_ACCEPT_LANGUAGE": "fr"}
    assert api_client.get("/api/v1/communities/dt1/", **french).json()["conditions"] == [
        {"slug": "type-1-diabetes", "name": "Diabète de type 1"}]
    listed = api_client.get("/api/v1/communities/", **french).json()["results"]
    assert listed[0]["conditions"] == [{"slug": "type-1-diabetes", "name": "Diabète de type 1"}]
    vocabulary = api_client.get("/api/v1/conditions/", **french).json()["results"]
    assert vocabulary == [{"slug": "asthma", "name": "Asthma"},  # the English name meanwhile
                          {"slug": "type-1-diabetes", "name": "Diabète de type 1"}]
    assert api_client.get("/api/v1/communities/dt1/").json()["conditions"] == [
        {"slug": "type-1-diabetes", "name": "Type 1 diabetes"}]


def test_the_demo_conditions_have_french_names(api_client, settings):
    settings.DEBUG = True
    create_demo_communities()
    french = api_client.get("/api/v1/communities/sclerose-en-plaques/",
                            HTTP_ACCEPT_LANGUAGE="fr").json()
    assert french["conditions"] == [{"slug": "multiple-sclerosis", "name": "Sclérose en plaques"}]
    assert not Condition.objects.filter(name_fr="").exists()
