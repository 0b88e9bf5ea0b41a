"""The core's services on petitions: the audit log of reviews, moderation hiding through the API,
and a member's export and erasure end to end."""
import pytest
from django.core.management import call_command

from core.privacy.models import AuditEntry
from core.privacy.services import erase_member, export_member
from plugins.petitions import services
from plugins.petitions.models import Petition, Signature, Status
from tests.core.privacy.test_export_and_erasure import PASSWORD, rows_holding
from tests.factories import UserFactory
from tests.plugins.petitions.conftest import client_for
from tests.plugins.petitions.factories import draft, make_petition

pytestmark = pytest.mark.django_db

URL = "/api/v1/petitions/"


# --- Audit of reviews ---------------------------------------------------------------------------
def test_moderators_publishing_and_rejecting_goes_to_the_audit_log(moderator):
    published, rejected = draft(status=Status.SUBMITTED), draft(status=Status.SUBMITTED)
    client = client_for(moderator)
    assert client.post(f"{URL}{published.pk}/publish/").status_code == 200
    assert client.post(f"{URL}{rejected.pk}/reject/", {"reason": "Name a target."}).status_code \
        == 200
    entries = AuditEntry.objects.order_by("created_at", "action")
    assert [(e.actor_id, e.action, e.subject_id, e.target_id, e.detail) for e in entries] == [
        (moderator.pk, "petitions.publish", published.owner_id, str(published.pk), ""),
        (moderator.pk, "petitions.reject", rejected.owner_id, str(rejected.pk),
         "Name a target.")]


def test_a_refused_review_records_nothing(moderator, member):
    petition = draft(status=Status.SUBMITTED)
    assert client_for(member).post(f"{URL}{petition.pk}/publish/").status_code == 403
    open_petition = make_petition()
    assert client_for(moderator).post(f"{URL}{open_petition.pk}/publish/").status_code == 409
    assert not AuditEntry.objects.exists()


# --- Moderation -------------------------------------------------------------------------------
def test_a_petition_hidden_through_the_moderation_api_vanishes_for_others(moderator):
    petition = make_petition(title="Accessible polling stations")
    kept = make_petition(title="Accessible trains")
    call_command("update_index", stdout=open("/dev/null", "w"))
    response = client_for(moderator).post("/api/v1/moderation/hide/", {
        "type": "petitions.petition", "id": str(petition.pk), "reason": "Off topic"})
    assert response.status_code == 200, response.content
    assert response.json() == {"type": "petitions.petition", "id": str(petition.pk),
                               "hidden": True}
    for viewer in (None, UserFactory()):
        client = client_for(viewer)
        assert [row["id"] for row in client.get(URL).json()["results"]] == [str(kept.pk)]
        assert client.get(f"{URL}{petition.pk}/").status_code == 404
        assert client.get(f"{URL}{petition.slug}/").status_code == 404
        assert client.get(f"{URL}{petition.pk}/signatures/").status_code == 404
        hits = client.get("/api/v1/search/", {"q": "accessible"}).json()["results"]
        assert [hit["title"] for hit in hits] == ["Accessible trains"]
    # Its author still sees it (and can appeal); signing it is refused like any unknown one.
    assert client_for(petition.owner).get(f"{URL}{petition.pk}/").status_code == 200
    assert client_for(UserFactory()).post(f"{URL}{petition.pk}/signatures/", {}).status_code \
        == 404



def test_the_author_reads_that_their_petition_is_hidden_and_why(moderator):
    """Issue 17 item 6: in the detail and the list, as the notification said."""
    petition = make_petition(title="Accessible polling stations")
    author = client_for(petition.owner)
    shown = author.get(f"{URL}{petition.pk}/").json()
    assert (shown["hidden"], shown["hidden_reason"]) == (False, None)
    assert client_for(moderator).post("/api/v1/moderation/hide/", {
        "type": "petitions.petition", "id": str(petition.pk),
        "reason": "Names a doctor"}).status_code == 200
    detail = author.get(f"{URL}{petition.pk}/").json()
    assert (detail["hidden"], detail["hidden_reason"]) == (True, "Names a doctor")
    listed = author.get(URL).json()["results"]
    assert [(row["id"], row["hidden"], row["hidden_reason"]) for row in listed] == [
        (str(petition.pk), True, "Names a doctor")]
    # Restored: it reads normally again.
    assert client_for(moderator).post("/api/v1/moderation/restore/", {
        "type": "petitions.petition", "id": str(petition.pk)}).status_code == 200
    detail = author.get(f"{URL}{petition.pk}/").json()
    assert (detail["hidden"], detail["hidden_reason"]) == (False, None)


# --- Export and erasure -----------------------------------------------------------------------
COMMENT = "Ma fille attend son fauteuil Zorblax-9 depuis deux ans"
REGION = "Vallée de Quintrelac"


@pytest.fixture
def signer():
    """A member who signed with their name, a comment and a region, and follows the petition."""
    member = UserFactory(email="quintrelac.signer@example.org")
    member.profile.handle = "zorblax-mum"
    member.profile.save()
    petition = make_petition(title="Wheelchairs within a month", signature_goal=4)
    services.sign(petition, UserFactory(), region=REGION)
    services.sign(petition, member, show_name=True, comment=COMMENT, region=REGION,
                  follows=True)
    return member, petition


def test_export_holds_the_signature_with_its_words(signer):
    member, petition = signer
    section = export_member(member)["petitions"]
    [signature] = section["data"]["signatures"]
    assert (signature["petition"], signature["comment"], signature["region"],
            signature["show_name"], signature["follows"]) == (
        str(petition.pk), COMMENT, REGION, True, True)


def test_erasing_a_signer_through_the_api_keeps_the_count_and_leaves_nothing_of_them(signer):
    member, petition = signer
    member_pk = member.pk
    needles = [COMMENT, "zorblax-mum", member.email, "quintrelac.signer"]
    assert rows_holding(needles + [REGION])
    client = client_for(member)
    assert client.delete("/api/v1/me/", {"password": "wrong"}, format="json").status_code == 400
    response = client.delete("/api/v1/me/", {"password": PASSWORD}, format="json")
    assert response.status_code == 204, response.content

    petition.refresh_from_db()
    assert petition.signature_count == 2
    assert Signature.objects.filter(petition=petition).count() == 2
    assert not Signature.objects.filter(owner_id=member_pk).exists()
    assert rows_holding(needles) == []
    # Their region is gone; the other signer's stays.
    [kept] = Signature.objects.filter(region=REGION)
    assert kept.owner_id is not None
    named = client_for().get(f"{URL}{petition.pk}/signatures/").json()["results"]
    assert named == []


def test_erasing_an_author_hands_a_shared_petition_over_and_deletes_a_lone_one():
    author, partner = UserFactory(), UserFactory()
    shared = make_petition(owner=author)
    shared.promoters.create(member=partner, status="accepted")
    alone = make_petition(owner=author)
    services.sign(alone, UserFactory())
    erase_member(author)
    assert Petition.objects.get(pk=shared.pk).owner_id == partner.pk
    assert not Petition.objects.filter(pk=alone.pk).exists()
