"""Avatar and verification uploads: checked, re-encoded without EXIF, nothing stored when bad."""
import io
from pathlib import Path

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from core.identity import services
from core.identity.models import Profile, VerificationRequest
from core.privacy.audiences import Audience
from tests.factories import CircleMembershipFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

GPS_IFD = 0x8825


def jpeg_with_gps(size=(800, 600)) -> bytes:
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (48.0, 51.0, 24.0), 3: "E", 4: (2.0, 21.0, 3.0)})
    output = io.BytesIO()
    image.save(output, format="JPEG", exif=exif)
    return output.getvalue()


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STENT_PRIVATE_ROOT = tmp_path / "private"
    return tmp_path


def stored_files(root: Path):
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_avatar_is_reencoded_without_exif(api_client, media):
    original = jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD)  # the test file has GPS
    member = UserFactory()
    api_client.force_authenticate(member)
    response = api_client.put("/api/v1/me/avatar/", {
        "avatar": SimpleUploadedFile("me.jpg", original, "image/jpeg")}, format="multipart")
    assert response.status_code == 200, response.json()
    member.profile.refresh_from_db()
    handle, name = member.profile.handle, member.profile.avatar.name
    assert response.json()["avatar"] == (f"http://testserver/api/v1/members/{handle}/avatar/"
                                         f"?v={name[len('avatars/'):-len('.jpg')]}")
    assert stored_files(media) == [f"private/{name}"]  # nothing under the public MEDIA_ROOT
    with Image.open(member.profile.avatar.path) as stored:
        assert stored.format == "JPEG" and max(stored.size) == 512
        assert not stored.getexif() and "exif" not in stored.info
    assert api_client.delete("/api/v1/me/avatar/").status_code == 204
    assert stored_files(media) == []


def test_replacing_an_avatar_removes_the_previous_file(api_client, media):
    member = UserFactory()
    api_client.force_authenticate(member)
    for _ in range(2):
        api_client.put("/api/v1/me/avatar/", {"avatar": SimpleUploadedFile(
            "me.jpg", jpeg_with_gps((40, 40)), "image/jpeg")}, format="multipart")
    assert len(stored_files(media / "private")) == 1


# avatar audience -> the viewers who may fetch the image
AVATAR_SEEN_BY = {
    Audience.PRIVATE: {"owner"},
    Audience.CIRCLE: {"owner", "circle"},
    Audience.MEMBERS: {"owner", "circle", "stranger"},
    Audience.PUBLIC: {"owner", "circle", "stranger", "anonymous"},
}


@pytest.mark.parametrize("audience", list(AVATAR_SEEN_BY))
def test_avatar_is_served_only_to_the_viewers_its_audience_reaches(api_client, media, audience):
    owner = UserFactory()
    viewers = {"owner": owner, "stranger": UserFactory(), "anonymous": None,
               "circle": CircleMembershipFactory(owner=owner).member}
    Profile.objects.filter(user=owner).update(audience=Audience.PUBLIC, avatar_audience=audience)
    api_client.force_authenticate(owner)
    avatar_url = api_client.put("/api/v1/me/avatar/", {"avatar": SimpleUploadedFile(
        "me.png", png_bytes(), "image/png")}, format="multipart").json()["avatar"]
    owner.profile.refresh_from_db()
    for name, viewer in viewers.items():
        api_client.force_authenticate(viewer)
        # Browsers ask <img> sources with an image Accept header.
        response = api_client.get(avatar_url, HTTP_ACCEPT="image/avif,image/webp,image/png")
        if name in AVATAR_SEEN_BY[audience]:
            assert response.status_code == 200, (name, audience)
            assert response["Content-Type"] == "image/png"
            assert response["Cache-Control"] == "private, max-age=3600"
            assert b"".join(response.streaming_content) == owner.profile.avatar.open().read()
            assert "avatar" in api_client.get(f"/api/v1/members/{owner.profile.handle}/").json()
        else:
            assert response.status_code == 404, (name, audience)
            assert response.json() == {"detail": "Not found."}
            member = api_client.get(f"/api/v1/members/{owner.profile.handle}/")
            assert member.status_code == 404 or "avatar" not in member.json()
    # The profile's audience bounds the avatar's: a hidden profile hides its avatar too.
    Profile.objects.filter(user=owner).update(audience=Audience.PRIVATE)
    api_client.force_authenticate(viewers["circle"])
    assert api_client.get(avatar_url).status_code == 404


def test_member_without_avatar_or_unknown_handle_is_a_404(api_client, media):
    member = UserFactory()
    assert api_client.get(f"/api/v1/members/{member.profile.handle}/avatar/").status_code == 404
    assert api_client.get("/api/v1/members/nobody-here/avatar/").status_code == 404


def png_bytes():
    output = io.BytesIO()
    Image.new("RGBA", (10, 10)).save(output, format="PNG")
    return output.getvalue()


def gif_bytes():
    output = io.BytesIO()
    Image.new("P", (10, 10)).save(output, format="GIF")
    return output.getvalue()


@pytest.mark.parametrize("upload", [
    lambda: SimpleUploadedFile("a.gif", gif_bytes(), "image/gif"),           # wrong type
    lambda: SimpleUploadedFile("a.jpg", b"not an image at all", "image/jpeg"),  # not an image
    lambda: SimpleUploadedFile("a.jpg", jpeg_with_gps()[:200], "image/jpeg"),   # truncated
    lambda: SimpleUploadedFile("a.png", png_bytes() + b"\0" * 3000, "image/png"),  # too large
    lambda: "just text",
    lambda: None,
])
def test_bad_avatar_upload_is_a_400_and_stores_nothing(api_client, media, settings, upload):
    settings.STENT_AVATAR_MAX_BYTES = 2000
    member = UserFactory()
    api_client.force_authenticate(member)
    value = upload()
    data = {} if value is None else {"avatar": value}
    response = api_client.put("/api/v1/me/avatar/", data, format="multipart")
    assert response.status_code == 400
    assert "avatar" in response.json()
    assert stored_files(media) == []
    assert not Profile.objects.get(user=member).avatar


def test_png_avatar_is_accepted(api_client, media):
    member = UserFactory()
    api_client.force_authenticate(member)
    response = api_client.put("/api/v1/me/avatar/", {
        "avatar": SimpleUploadedFile("a.png", png_bytes(), "image/png")}, format="multipart")
    assert response.status_code == 200
    assert Profile.objects.get(user=member).avatar.name.endswith(".png")


def test_avatar_needs_an_account(api_client, media):
    assert api_client.put("/api/v1/me/avatar/", {}, format="multipart").status_code in (401, 403)


# --- verification --------------------------------------------------------------------------------

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def ask(api_client, **overrides):
    data = {"registry": "rpps", "registry_number": "10101234567",
            "document": SimpleUploadedFile("card.pdf", PDF, "application/pdf"), **overrides}
    return api_client.post("/api/v1/me/verification/", data, format="multipart")


def test_professional_requests_verification_and_is_approved(api_client, media):
    member = UserFactory()
    api_client.force_authenticate(member)
    assert api_client.get("/api/v1/me/verification/").status_code == 404
    response = ask(api_client)
    assert response.status_code == 201, response.json()
    body = response.json()
    assert {k: body[k] for k in ("registry", "registry_number", "state", "reason")} == {
        "registry": "rpps", "registry_number": "10101234567", "state": "pending", "reason": ""}
    assert "document" not in body
    assert stored_files(media / "media") == []  # never under MEDIA_ROOT
    assert len(stored_files(media / "private")) == 1
    assert ask(api_client).status_code == 409  # one pending request at a time

    moderator = UserFactory()
    services.decide_verification(VerificationRequest.objects.get(), reviewer=moderator,
                                 approve=True)
    assert api_client.get("/api/v1/me/verification/").json()["state"] == "approved"
    member.profile.refresh_from_db()
    assert member.profile.is_verified and member.profile.kind == "professional"
    assert mail.outbox[-1].to == [member.email] and "verified" in mail.outbox[-1].subject
    assert ask(api_client).status_code == 409  # already verified


def test_rejection_needs_a_reason_and_tells_the_member(api_client, media):
    from core.errors import Invalid

    member = UserFactory()
    api_client.force_authenticate(member)
    ask(api_client, registry="inami", registry_number="12345678901")
    request = VerificationRequest.objects.get()
    with pytest.raises(Invalid):
        services.decide_verification(request, reviewer=UserFactory(), approve=False, reason=" ")
    services.decide_verification(request, reviewer=UserFactory(), approve=False,
                                 reason="The number does not match the document.")
    assert "does not match" in mail.outbox[-1].body
    assert not Profile.objects.get(user=member).is_verified
    assert ask(api_client).status_code == 201  # may try again


@pytest.mark.parametrize("overrides, field", [
    ({"registry_number": "1234"}, "registry_number"),
    ({"registry_number": "1234567890a"}, "registry_number"),
    ({"registry": "gmc"}, "registry"),
    ({"document": SimpleUploadedFile("x.exe", b"MZ\x90\x00", "application/pdf")}, "document"),
    ({"document": ""}, "document"),
])
def test_bad_verification_request_is_a_400_and_stores_nothing(api_client, media, overrides,
                                                               field):
    api_client.force_authenticate(UserFactory())
    response = ask(api_client, **overrides)
    assert response.status_code == 400 and field in response.json()
    assert not VerificationRequest.objects.exists() and stored_files(media) == []


def test_verification_documents_are_not_served_by_url(media):
    from core.identity.storage import PrivateStorage

    with pytest.raises(ValueError):
        PrivateStorage(location=str(media)).url("verification/x.pdf")
