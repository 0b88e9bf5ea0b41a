"""Profiles: /me/ for the owner, /members/{handle}/ through the privacy matrix of every field."""
import pytest
from django.contrib.auth.models import Permission

from core.identity.models import Condition, Profile
from core.moderation.models import Block
from core.privacy.audiences import Audience
from core.privacy.purposes import Purpose
from core.privacy.services import decide_consent
from tests.core.privacy.test_consents import make_policy
from tests.factories import (CircleMembershipFactory, CommunityFactory, MembershipFactory,
                             UserFactory)

pytestmark = pytest.mark.django_db

VIEWERS = ["anonymous", "stranger", "community", "circle", "owner", "moderator"]
# audience -> the viewers who reach it (same table as tests/core/privacy/test_visible_to.py)
REACHES = {
    Audience.PRIVATE: {"owner"},
    Audience.CIRCLE: {"owner", "circle"},
    Audience.COMMUNITY: {"owner", "community"},
    Audience.MEMBERS: {"owner", "circle", "community", "stranger", "moderator"},
    Audience.PUBLIC: set(VIEWERS),
}


@pytest.fixture
def world():
    owner = UserFactory(email="owner@stent.example")
    community = CommunityFactory()
    MembershipFactory(community=community, member=owner)
    moderator = UserFactory()
    moderator.user_permissions.add(Permission.objects.get(codename="moderate"))
    viewers = {"owner": owner, "stranger": UserFactory(), "moderator": moderator,
               "community": MembershipFactory(community=community).member,
               "circle": CircleMembershipFactory(owner=owner).member, "anonymous": None}
    profile = owner.profile
    Profile.objects.filter(pk=profile.pk).update(
        handle="owner-handle", display_name="Olive", real_name="Olivia Dupont", bio="Hi",
        kind=Profile.Kind.PATIENT, language="fr", region="Bretagne", audience=Audience.PUBLIC)
    profile.refresh_from_db()
    diabetes = Condition.objects.create(name="Type 1 diabetes", slug="type-1-diabetes")
    profile.conditions.set([diabetes])
    return viewers, profile


def get_member(api_client, viewer, handle="owner-handle"):
    api_client.force_authenticate(viewer)
    return api_client.get(f"/api/v1/members/{handle}/")


FULL = {"handle": "owner-handle", "display_name": "Olive", "real_name": "Olivia Dupont",
        "bio": "Hi", "avatar": None, "kind": "patient", "verified": False,
        "conditions": ["type-1-diabetes"], "language": "fr", "region": "Bretagne",
        "communities": []}


@pytest.mark.parametrize("field", list(Profile.AUDIENCED_FIELDS))
@pytest.mark.parametrize("audience", list(Audience))
@pytest.mark.parametrize("viewer", VIEWERS)
def test_each_field_audience_for_each_viewer(api_client, world, field, audience, viewer):
    viewers, profile = world
    setattr(profile, f"{field}_audience", audience)
    profile.save()
    response = get_member(api_client, viewers[viewer])
    assert response.status_code == 200
    body = response.json()
    assert "email" not in body and "owner@stent.example" not in response.content.decode()
    assert body["handle"] == "owner-handle"
    assert (field in body) == (viewer in REACHES[audience])
    if field in body:
        assert body[field] == FULL[field]


@pytest.mark.parametrize("audience", list(Audience))
@pytest.mark.parametrize("viewer", VIEWERS)
def test_a_profile_the_viewer_may_not_see_is_a_404(api_client, world, audience, viewer):
    viewers, profile = world
    Profile.objects.filter(pk=profile.pk).update(audience=audience)
    response = get_member(api_client, viewers[viewer])
    if viewer in REACHES[audience]:
        assert response.status_code == 200
    else:
        assert response.status_code == 404
        assert response.json() == {"detail": "Not found."}
        assert get_member(api_client, viewers[viewer], "no-such-member").json() == response.json()


def test_defaults_hide_health_sensitive_fields(api_client, world):
    viewers, _ = world
    fresh = UserFactory()
    Profile.objects.filter(user=fresh).update(display_name="Fresh", real_name="Real Name",
                                              kind="patient")
    body = get_member(api_client, viewers["stranger"], fresh.profile.handle).json()
    assert body == {"handle": fresh.profile.handle, "display_name": "Fresh", "bio": "",
                    "avatar": None, "communities": []}
    assert get_member(api_client, None, fresh.profile.handle).status_code == 404


def test_owner_sees_everything_and_handle_lookup_ignores_case(api_client, world):
    viewers, _ = world
    assert get_member(api_client, viewers["owner"], "OWNER-handle").json() == FULL


def test_blocking_either_way_hides_the_profile(api_client, world):
    viewers, profile = world
    Block.objects.create(blocker=viewers["owner"], blocked=viewers["stranger"])
    Block.objects.create(blocker=viewers["circle"], blocked=viewers["owner"])
    assert get_member(api_client, viewers["stranger"]).status_code == 404
    assert get_member(api_client, viewers["circle"]).status_code == 404
    assert get_member(api_client, viewers["community"]).status_code == 200


def test_verified_badge_goes_with_the_member_kind(api_client, world):
    from django.utils import timezone

    viewers, profile = world
    Profile.objects.filter(pk=profile.pk).update(verified_at=timezone.now(),
                                                 kind_audience=Audience.MEMBERS)
    body = get_member(api_client, viewers["stranger"]).json()
    assert body["verified"] is True and body["kind"] == "patient"
    assert "verified" not in get_member(api_client, None).json()


def test_member_detail_query_count(api_client, world, django_assert_max_num_queries):
    viewers, _ = world
    api_client.force_authenticate(viewers["stranger"])
    with django_assert_max_num_queries(4):
        assert api_client.get("/api/v1/members/owner-handle/").status_code == 200


def test_every_user_gets_a_profile_with_a_handle():
    user = UserFactory()
    assert user.profile.handle and user.profile.default_audience == Audience.MEMBERS
    assert user.profile.audience == Audience.MEMBERS


# --- /me/ --------------------------------------------------------------------------------------

def test_me_needs_an_account(api_client):
    assert api_client.get("/api/v1/me/").status_code in (401, 403)


def test_me_returns_the_owner_profile_with_the_email(api_client, world):
    viewers, _ = world
    api_client.force_authenticate(viewers["owner"])
    body = api_client.get("/api/v1/me/").json()
    assert body["email"] == "owner@stent.example"
    assert body["field_audiences"] == {"display_name": "members", "real_name": "private",
                                       "bio": "members", "avatar": "members", "kind": "private",
                                       "conditions": "private", "language": "private",
                                       "region": "private"}
    assert body["default_audience"] == "members" and body["audience"] == "public"


def test_me_patch_updates_fields_audiences_and_conditions(api_client, world):
    viewers, profile = world
    Condition.objects.create(name="Epilepsy", slug="epilepsy")
    make_policy()
    decide_consent(viewers["owner"], Purpose.HEALTH_DATA, True)  # conditions are health data
    api_client.force_authenticate(viewers["owner"])
    response = api_client.patch("/api/v1/me/", {
        "handle": "New_Handle", "bio": "Updated", "default_audience": "circle",
        "field_audiences": {"kind": "community"}, "conditions": ["epilepsy"],
        "region": "  Occitanie "}, format="json")
    assert response.status_code == 200, response.json()
    profile.refresh_from_db()
    assert (profile.handle, profile.bio, profile.default_audience, profile.region) == (
        "New_Handle", "Updated", "circle", "Occitanie")
    assert profile.kind_audience == "community" and profile.real_name_audience == "private"
    assert list(profile.conditions.values_list("slug", flat=True)) == ["epilepsy"]


@pytest.mark.parametrize("payload, field", [
    ({"handle": "a b"}, "handle"),
    ({"handle": "ab"}, "handle"),
    ({"handle": "x" * 31}, "handle"),
    ({"handle": "TAKEN-ONE"}, "handle"),
    ({"audience": "everyone"}, "audience"),
    ({"default_audience": 3}, "default_audience"),
    ({"field_audiences": {"kind": "world"}}, "field_audiences"),
    ({"field_audiences": "public"}, "field_audiences"),
    ({"conditions": ["invented-condition"]}, "conditions"),
    ({"kind": "wizard"}, "kind"),
    ({"language": "xx"}, "language"),
    ({"display_name": "x" * 81}, "display_name"),
    ({"region": "x" * 121}, "region"),
    ({"region": ["Bretagne"]}, "region"),
])
def test_me_patch_rejects_bad_input_and_changes_nothing(api_client, world, payload, field):
    viewers, profile = world
    Profile.objects.filter(user=UserFactory()).update(handle="taken-one")
    before = Profile.objects.filter(pk=profile.pk).values().get()
    api_client.force_authenticate(viewers["owner"])
    response = api_client.patch("/api/v1/me/", payload, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert Profile.objects.filter(pk=profile.pk).values().get() == before
    assert not Condition.objects.filter(slug="invented-condition").exists()


def test_me_email_is_read_only(api_client, world):
    viewers, _ = world
    api_client.force_authenticate(viewers["owner"])
    api_client.patch("/api/v1/me/", {"email": "other@stent.example"}, format="json")
    viewers["owner"].refresh_from_db()
    assert viewers["owner"].email == "owner@stent.example"


def test_conditions_vocabulary_list(api_client, world, django_assert_max_num_queries):
    for number in range(60):
        Condition.objects.create(name=f"Condition {number:02d}", slug=f"condition-{number:02d}")
    for size in (1, 50):
        with django_assert_max_num_queries(2):
            response = api_client.get(f"/api/v1/conditions/?page_size={size}")
        assert len(response.json()["results"]) == size
    assert response.json()["results"][0] == {"slug": "condition-00", "name": "Condition 00"}
