"""Who sees a petition and its signers: the privacy matrix, drafts, hiding, unnamed signers."""
import pytest
from django.utils import timezone

from core.privacy.audiences import Audience
from plugins.petitions import reports, services
from plugins.petitions.models import Petition, Status
from tests.factories import UserFactory
from tests.kit import ALLOWED, VIEWERS, assert_follows_matrix, build_world
from tests.plugins.petitions.conftest import client_for
from tests.plugins.petitions.factories import SignatureFactory, draft, make_petition

pytestmark = pytest.mark.django_db

URL = "/api/v1/petitions/"


def petition_of(owner, audience, community):
    return make_petition(owner=owner, audience=audience, community=community)


@pytest.fixture
def petitions_world():
    """The kit's world (a viewer of each kind) and one petition of each audience."""
    world = build_world()
    petitions = {audience: petition_of(world.owner, audience, world.community)
                 for audience in Audience}
    return world.viewers, petitions


def test_privacy_matrix_through_visible_to_and_the_api():
    assert_follows_matrix(petition_of, lambda petition: f"{URL}{petition.pk}/", list_url=URL)


def test_news_follow_the_matrix():
    def update_of(owner, audience, community):
        return services.post_update(petition_of(owner, audience, community), owner,
                                    title="News", body="We met the insurer.")

    assert_follows_matrix(update_of)


def test_signatures_follow_the_matrix():
    """Named signatures are ``public``, unnamed ones ``private``: the signers' list relies on
    visible_to() treating them as any Audienced row."""
    assert_follows_matrix(lambda owner, audience, community: SignatureFactory(
        petition=make_petition(), owner=owner, audience=audience, community=community))


@pytest.mark.parametrize("viewer", VIEWERS)
def test_signing_follows_the_matrix(petitions_world, viewer):
    viewers, petitions = petitions_world
    if viewer == "owner":
        return  # the owner may sign their own petitions of every audience
    user = viewers[viewer]
    client = client_for(None if viewer == "anonymous" else user)
    for audience, petition in petitions.items():
        body = {"email": "visitor@example.org"} if viewer == "anonymous" else {}
        status = client.post(f"{URL}{petition.pk}/signatures/", body).status_code
        allowed = viewer in ALLOWED[audience]
        assert status == ((202 if viewer == "anonymous" else 201) if allowed else 404), audience


def test_drafts_and_submitted_petitions_stay_with_their_promoters(petitions_world):
    viewers, _ = petitions_world
    mine = draft(owner=viewers["owner"])
    submitted = draft(owner=viewers["owner"], status=Status.SUBMITTED)
    for name in ("stranger", "anonymous", "circle"):
        user = viewers[name]
        assert mine not in Petition.objects.visible_to(user)
        assert submitted not in Petition.objects.visible_to(user)
    assert mine not in Petition.objects.visible_to(viewers["moderator"])
    assert submitted in Petition.objects.visible_to(viewers["moderator"])
    invited = UserFactory()
    mine.promoters.create(member=invited)
    assert mine in Petition.objects.visible_to(invited)


def test_hidden_petitions_vanish_for_others(petitions_world):
    viewers, petitions = petitions_world
    Petition.objects.update(hidden_at=timezone.now())
    assert not Petition.objects.visible_to(viewers["stranger"]).exists()
    assert not Petition.objects.visible_to(viewers["anonymous"]).exists()
    assert client_for().get(f"{URL}{petitions[Audience.PUBLIC].pk}/").status_code == 404
    assert Petition.objects.visible_to(viewers["owner"]).count() == len(Audience)


def test_an_unnamed_signer_appears_nowhere_but_is_counted():
    author = UserFactory()
    petition = make_petition(owner=author)
    named, unnamed = UserFactory(), UserFactory()
    services.sign(petition, named, show_name=True, comment="Named", region="Bretagne")
    services.sign(petition, unnamed, comment="Secret words", region="Occitanie")
    unnamed_handle = unnamed.profile.handle

    def everything_seen_by(client):
        seen = [client.get(f"{URL}{petition.pk}/"), client.get(URL),
                client.get(f"{URL}{petition.pk}/signatures/"),
                client.get(f"{URL}{petition.pk}/stats/"),
                client.get(f"{URL}{petition.pk}/export/"),
                client.get(f"{URL}{petition.pk}/export/", {"format": "csv"}),
                client.get("/api/v1/search/", {"q": "Reimburse"})]
        return "".join(response.content.decode() for response in seen)

    for client in (client_for(), client_for(UserFactory()), client_for(author),
                   client_for(named)):
        text = everything_seen_by(client)
        assert unnamed_handle not in text
        assert "Secret words" not in text
    assert named.profile.handle in everything_seen_by(client_for())
    petition.refresh_from_db()
    assert petition.signature_count == 2
    listed = client_for().get(f"{URL}{petition.pk}/signatures/").json()["results"]
    assert [row["handle"] for row in listed] == [named.profile.handle]
    export = reports.delivery(petition)
    # Named, but the region was not given apart: it is only counted.
    assert export["named_signers"] == [{"handle": named.profile.handle, "region": ""}]


def test_the_signer_sees_their_own_unnamed_signature():
    petition = make_petition()
    signer = UserFactory()
    services.sign(petition, signer, comment="Only for me")
    mine = client_for(signer).get(f"{URL}{petition.pk}/signatures/mine/")
    assert mine.status_code == 200
    assert mine.json()["comment"] == "Only for me" and mine.json()["show_name"] is False
    assert client_for(UserFactory()).get(f"{URL}{petition.pk}/signatures/mine/").status_code == 404
    changed = client_for(signer).patch(f"{URL}{petition.pk}/signatures/mine/",
                                       {"show_name": True})
    assert changed.json()["show_name"] is True
    listed = client_for().get(f"{URL}{petition.pk}/signatures/").json()["results"]
    assert [row["handle"] for row in listed] == [signer.profile.handle]


def test_signers_of_a_members_petition_are_not_listed_to_visitors():
    petition = make_petition(audience=Audience.MEMBERS)
    services.sign(petition, UserFactory(), show_name=True)
    assert client_for().get(f"{URL}{petition.pk}/signatures/").status_code == 404
    assert len(client_for(UserFactory()).get(
        f"{URL}{petition.pk}/signatures/").json()["results"]) == 1


def test_invitations_show_to_promoters_only():
    author, invited = UserFactory(), UserFactory()
    petition = make_petition(owner=author)
    petition.promoters.create(member=invited)
    public = client_for().get(f"{URL}{petition.pk}/promoters/").json()["results"]
    assert [p["handle"] for p in public] == [author.profile.handle]
    own = client_for(author).get(f"{URL}{petition.pk}/promoters/").json()["results"]
    assert {p["handle"] for p in own} == {author.profile.handle, invited.profile.handle}
