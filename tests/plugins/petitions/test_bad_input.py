"""Every write refuses bad input with a clear 4xx JSON error and changes nothing."""
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from core.privacy.audiences import Audience
from plugins.petitions import services
from plugins.petitions.models import Petition, PetitionUpdate, Promoter, Signature, Status
from tests.factories import UserFactory
from tests.plugins.petitions.conftest import client_for
from tests.plugins.petitions.factories import closed, draft, make_petition

pytestmark = pytest.mark.django_db

URL = "/api/v1/petitions/"
GOOD = {"title": "Reimburse sensors", "text": "Please.", "target": "Insurer",
        "signature_goal": 10}


def snapshot():
    return (list(Petition.objects.order_by("pk").values()),
            list(Signature.objects.order_by("pk").values()),
            list(Promoter.objects.order_by("pk").values()),
            list(PetitionUpdate.objects.order_by("pk").values()))


@pytest.mark.parametrize("body, field", [
    ({k: v for k, v in GOOD.items() if k != "title"}, "title"),
    ({k: v for k, v in GOOD.items() if k != "signature_goal"}, "signature_goal"),
    ({**GOOD, "signature_goal": "many"}, "signature_goal"),
    ({**GOOD, "signature_goal": 0}, "signature_goal"),
    ({**GOOD, "signature_goal": 10**9}, "signature_goal"),
    ({**GOOD, "title": "x" * 201}, "title"),
    ({**GOOD, "audience": "everyone"}, "audience"),
    ({**GOOD, "closes_at": "yesterday"}, "closes_at"),
    ({**GOOD, "closes_at": "2001-01-01T00:00:00Z"}, "closes_at"),
    ({**GOOD, "community": "no-such-community"}, "community"),
    ({**GOOD, "audience": "community"}, "community"),
    ({**GOOD, "tags": "not-a-list"}, "tags"),
    ({**GOOD, "tags": ["x"] * 21}, "tags"),
])
def test_create_with_bad_fields_is_a_400_naming_the_field(body, field):
    before = snapshot()
    response = client_for(UserFactory()).post(URL, body, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert snapshot() == before


def test_a_petition_goes_only_to_a_community_its_author_belongs_to():
    from tests.factories import CommunityFactory, MembershipFactory

    mine, theirs = CommunityFactory(slug="mine"), CommunityFactory(slug="theirs")
    author = MembershipFactory(community=mine).member
    client = client_for(author)
    unknown = client.post(URL, {**GOOD, "community": "no-such"}, format="json")
    foreign = client.post(URL, {**GOOD, "community": "theirs", "audience": "community"},
                          format="json")
    assert foreign.status_code == unknown.status_code == 400
    assert foreign.json() == unknown.json() == {
        "community": ["Choose one of the communities you belong to."]}
    created = client.post(URL, {**GOOD, "community": "mine", "audience": "community"},
                          format="json")
    assert created.status_code == 201
    assert [p.community for p in Petition.objects.all()] == [mine]


def test_create_needs_an_account(api_client):
    assert api_client.post(URL, GOOD, format="json").status_code == 401
    assert not Petition.objects.exists()


def test_a_cover_that_is_not_an_image_is_refused():
    upload = SimpleUploadedFile("cover.jpg", b"not an image", content_type="image/jpeg")
    response = client_for(UserFactory()).post(URL, {**GOOD, "cover": upload}, format="multipart")
    assert response.status_code == 400 and "cover" in response.json()
    assert not Petition.objects.exists()


def test_a_cover_loses_its_exif_metadata(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    picture = Image.new("RGB", (40, 30), "red")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make; GPS tags travel in the same EXIF block
    raw = io.BytesIO()
    picture.save(raw, format="JPEG", exif=exif.tobytes())
    assert b"PhoneMaker" in raw.getvalue()
    upload = SimpleUploadedFile("me.jpg", raw.getvalue(), content_type="image/jpeg")
    response = client_for(UserFactory()).post(URL, {**GOOD, "cover": upload}, format="multipart")
    assert response.status_code == 201, response.json()
    stored = Petition.objects.get().cover
    data = stored.read()
    assert b"PhoneMaker" not in data and b"Exif" not in data
    assert Image.open(io.BytesIO(data)).size == (40, 30)


def test_someone_elses_petition_cannot_be_changed():
    petition = draft(audience=Audience.MEMBERS)
    published = make_petition(audience=Audience.MEMBERS)
    before = snapshot()
    stranger = client_for(UserFactory())
    # A draft is invisible to others: 404, not 403.
    for method, path in [("patch", ""), ("delete", ""), ("post", "submit/")]:
        assert getattr(stranger, method)(f"{URL}{petition.pk}/{path}", {}).status_code == 404
    for path in ("close/", "withdraw/", "answer/", "deliver/", "updates/", "promoters/"):
        response = stranger.post(f"{URL}{published.pk}/{path}", {"answer": "x", "title": "x",
                                                                 "body": "x", "handle": "x"})
        assert response.status_code == 403, path
    assert stranger.patch(f"{URL}{published.pk}/", {"title": "mine"}).status_code == 403
    assert stranger.get(f"{URL}{published.pk}/export/").status_code == 403
    assert snapshot() == before


def test_only_moderators_review():
    petition = draft(status=Status.SUBMITTED)
    author = client_for(petition.owner)
    assert author.post(f"{URL}{petition.pk}/publish/").status_code == 403
    assert author.post(f"{URL}{petition.pk}/reject/", {"reason": "no"}).status_code == 403
    petition.refresh_from_db()
    assert petition.status == Status.SUBMITTED


def test_reject_needs_a_reason(moderator):
    petition = draft(status=Status.SUBMITTED)
    response = client_for(moderator).post(f"{URL}{petition.pk}/reject/", {})
    assert response.status_code == 400
    assert response.json() == {"reason": ["This field is required."]}
    petition.refresh_from_db()
    assert petition.status == Status.SUBMITTED


@pytest.mark.parametrize("action, state", [
    ("submit/", Status.PUBLISHED), ("publish/", Status.DRAFT), ("reject/", Status.PUBLISHED),
    ("close/", Status.DRAFT), ("withdraw/", Status.DRAFT), ("deliver/", Status.PUBLISHED),
    ("answer/", Status.PUBLISHED),
])
def test_actions_in_the_wrong_state_are_a_409(moderator, action, state):
    petition = make_petition(status=state, audience=Audience.MEMBERS)
    body = {"reason": "x", "answer": "x", "delivery_method": "post", "delivered_to": "them"}
    client = client_for(moderator if action in ("publish/", "reject/") else petition.owner)
    if action in ("publish/", "reject/"):
        petition.promoters.create(member=moderator, status="accepted")  # so they see the draft
    before = snapshot()
    response = client.post(f"{URL}{petition.pk}/{action}", body)
    assert response.status_code == 409, response.json()
    assert "detail" in response.json()
    assert snapshot() == before


def test_a_published_petition_cannot_be_edited_or_deleted():
    petition = make_petition()
    author = client_for(petition.owner)
    assert author.patch(f"{URL}{petition.pk}/", {"title": "Changed"}).status_code == 409
    assert author.delete(f"{URL}{petition.pk}/").status_code == 409
    petition.refresh_from_db()
    assert petition.title != "Changed"


def test_a_private_petition_cannot_be_submitted():
    petition = draft(audience=Audience.PRIVATE)
    response = client_for(petition.owner).post(f"{URL}{petition.pk}/submit/")
    assert response.status_code == 400 and "audience" in response.json()


@pytest.mark.parametrize("make, expected", [
    (lambda: closed(), 409),
    (lambda: draft(), 404),
    (lambda: make_petition(status=Status.REJECTED), 404),
    (lambda: make_petition(status=Status.WITHDRAWN), 409),
    (lambda: make_petition(audience=Audience.PRIVATE), 404),
])
def test_signing_a_petition_that_is_not_open_is_refused(make, expected):
    petition = make()
    response = client_for(UserFactory()).post(f"{URL}{petition.pk}/signatures/", {})
    assert response.status_code == expected
    assert "detail" in response.json()
    petition.refresh_from_db()
    assert petition.signature_count == 0 and not Signature.objects.exists()


def test_the_author_cannot_sign_their_own_draft():
    petition = draft()
    response = client_for(petition.owner).post(f"{URL}{petition.pk}/signatures/", {})
    assert response.status_code == 409
    assert response.json() == {"detail": "This petition is not open for signatures."}


def test_a_second_signature_is_a_409_with_the_first_in_the_body():
    petition = make_petition()
    signer = client_for(UserFactory())
    first = signer.post(f"{URL}{petition.pk}/signatures/", {"comment": "first"})
    second = signer.post(f"{URL}{petition.pk}/signatures/", {"comment": "second"})
    assert second.status_code == 409
    assert second.json() == {"detail": "You have already signed this petition.",
                             "signature": first.json()}
    petition.refresh_from_db()
    assert petition.signature_count == 1


@pytest.mark.parametrize("body, field", [
    ({"show_name": "perhaps"}, "show_name"),
    ({"comment": "x" * 1001}, "comment"),
    ({"region": "x" * 101}, "region"),
    ({"follows": [1]}, "follows"),
])
def test_signing_with_bad_fields_is_a_400(body, field):
    petition = make_petition()
    response = client_for(UserFactory()).post(f"{URL}{petition.pk}/signatures/", body,
                                              format="json")
    assert response.status_code == 400 and field in response.json()
    assert not Signature.objects.exists()


@pytest.mark.parametrize("body, field", [
    ({}, "email"), ({"email": "not-an-address"}, "email"), ({"email": "a@b.org",
                                                           "comment": "x" * 1001}, "comment"),
])
def test_e_mailed_signature_with_bad_fields_is_a_400(api_client, body, field):
    petition = make_petition()
    response = api_client.post(f"{URL}{petition.pk}/signatures/", body, format="json")
    assert response.status_code == 400 and field in response.json()
    assert not Signature.objects.exists()


def test_e_mailed_signature_of_a_closed_petition_is_a_409(api_client):
    petition = closed()
    response = api_client.post(f"{URL}{petition.pk}/signatures/", {"email": "a@b.org"})
    assert response.status_code == 409
    assert not Signature.objects.exists()


@pytest.mark.parametrize("token", ["", "nonsense", "not-a-uuid.secret",
                                   "1b4e28ba-2fa1-11d2-883f-0016d3cca427.secret"])
def test_confirm_with_a_bad_token_is_a_400(api_client, token):
    response = api_client.post(f"{URL}signatures/confirm/", {"token": token})
    assert response.status_code == 400 and "token" in response.json()


def test_withdrawing_a_signature(settings):
    petition = make_petition()
    signer = UserFactory()
    client = client_for(signer)
    assert client.delete(f"{URL}{petition.pk}/signatures/mine/").status_code == 404
    services.sign(petition, signer)
    settings.PETITIONS_ALLOW_WITHDRAWAL = False
    assert client.delete(f"{URL}{petition.pk}/signatures/mine/").status_code == 403
    settings.PETITIONS_ALLOW_WITHDRAWAL = True
    assert client.delete(f"{URL}{petition.pk}/signatures/mine/").status_code == 204
    petition.refresh_from_db()
    assert petition.signature_count == 0


def test_withdrawing_from_a_closed_petition_is_a_409_and_keeps_the_count():
    petition = make_petition()
    signer = UserFactory()
    services.sign(petition, signer)
    services.close(petition)
    response = client_for(signer).delete(f"{URL}{petition.pk}/signatures/mine/")
    assert response.status_code == 409
    petition.refresh_from_db()
    assert petition.signature_count == 1 and Signature.objects.count() == 1


def test_inviting_bad_handles():
    petition = make_petition()
    author = client_for(petition.owner)
    assert author.post(f"{URL}{petition.pk}/promoters/", {}).json() == {
        "handle": ["This field is required."]}
    assert "handle" in author.post(f"{URL}{petition.pk}/promoters/",
                                   {"handle": "nobody-here"}).json()
    friend = UserFactory()
    assert author.post(f"{URL}{petition.pk}/promoters/",
                       {"handle": friend.profile.handle}).status_code == 201
    assert author.post(f"{URL}{petition.pk}/promoters/",
                       {"handle": friend.profile.handle}).status_code == 409
    assert client_for(UserFactory()).post(f"{URL}{petition.pk}/promoters/accept/").status_code \
        == 404
    assert petition.promoters.count() == 2


def test_bad_updates_and_deliveries():
    petition = make_petition()
    author = client_for(petition.owner)
    assert "title" in author.post(f"{URL}{petition.pk}/updates/", {"body": "x"}).json()
    services.close(petition)
    future = author.post(f"{URL}{petition.pk}/deliver/", {
        "delivery_method": "post", "delivered_to": "them",
        "delivered_at": "2999-01-01T00:00:00Z"})
    assert future.status_code == 400 and "delivered_at" in future.json()
    assert "answer" in author.post(f"{URL}{petition.pk}/answer/", {}).json()
    assert not PetitionUpdate.objects.exists()
    petition.refresh_from_db()
    assert petition.status == Status.CLOSED


def test_changing_ones_signature_with_bad_fields_is_a_400():
    petition = make_petition()
    signer = UserFactory()
    services.sign(petition, signer, comment="kept")
    client = client_for(signer)
    for body, field in [({"show_name": "maybe"}, "show_name"), ({"comment": "x" * 1001},
                                                                 "comment")]:
        response = client.patch(f"{URL}{petition.pk}/signatures/mine/", body, format="json")
        assert response.status_code == 400 and field in response.json()
    assert Signature.objects.get().comment == "kept"
    assert client_for().patch(f"{URL}{petition.pk}/signatures/mine/", {}).status_code == 401
