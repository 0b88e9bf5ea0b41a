"""The write-side rules of profiles: edits, avatars, professional verification requests."""
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import Conflict, Invalid
from core.images import check_size, clean_image
from core.identity.models import Profile, VerificationRequest
from core.identity.outcomes import tell_verification_outcome
from core.privacy import audit
from core.privacy.audiences import Audience
from core.privacy.purposes import Purpose
from core.privacy.services import require_consent

AVATAR_SIDE = 512


def update_profile(profile: Profile, data: dict) -> Profile:
    """Apply validated changes (fields, per-field audiences, conditions) in one transaction.

    Conditions are health data: adding them, or showing them to anyone, needs the member's
    ``health_data`` consent. A professional's verification belongs to that kind: changing kind
    loses it (a new request is needed to get it back).
    """
    data = dict(data)
    conditions = data.pop("conditions", None)
    audiences = data.pop("field_audiences", {})
    if conditions or audiences.get("conditions", Audience.PRIVATE) != Audience.PRIVATE:
        require_consent(profile.user, Purpose.HEALTH_DATA)
    for field, audience in audiences.items():
        setattr(profile, f"{field}_audience", audience)
    loses_verification = (profile.is_verified and "kind" in data
                          and data["kind"] != Profile.Kind.PROFESSIONAL)
    if loses_verification:
        profile.verified_at = None
    for field, value in data.items():
        setattr(profile, field, value)
    try:
        with transaction.atomic():
            profile.save()
            if conditions is not None:
                profile.conditions.set(conditions)
            if loses_verification:
                audit.record(profile.user, "identity.verification_lost", subject=profile.user,
                             detail=f"kind changed to {profile.kind}")
    except IntegrityError:  # two members claimed the same handle at the same moment
        raise Conflict(_("This handle is already taken."))
    return profile


def delete_file_on_commit(field_file) -> None:
    """Remove a stored file once the transaction holding its row's change has committed.

    A rolled-back transaction keeps the file its rows still point to.
    """
    if field_file:
        storage, name = field_file.storage, field_file.name
        transaction.on_commit(lambda: storage.delete(name))


def replace_avatar(profile: Profile, upload) -> Profile:
    """Check the upload, re-encode it without metadata, store it, drop the previous file."""
    clean = clean_image(upload, field="avatar", max_bytes=settings.STENT_AVATAR_MAX_BYTES,
                        max_side=AVATAR_SIDE)
    with transaction.atomic():
        profile = Profile.objects.select_for_update().get(pk=profile.pk)
        delete_file_on_commit(profile.avatar)
        profile.avatar.save(clean.name, clean, save=False)
        profile.save(update_fields=["avatar", "updated_at"])
    return profile


def remove_avatar(profile: Profile) -> None:
    with transaction.atomic():
        profile = Profile.objects.select_for_update().get(pk=profile.pk)
        delete_file_on_commit(profile.avatar)
        profile.avatar = ""
        profile.save(update_fields=["avatar", "updated_at"])


PDF_MAGIC = b"%PDF-"


def _clean_document(upload):
    check_size(upload, settings.STENT_VERIFICATION_DOCUMENT_MAX_BYTES, "document")
    upload.seek(0)
    if upload.read(len(PDF_MAGIC)) == PDF_MAGIC:
        upload.seek(0)
        upload.name = "document.pdf"
        return upload
    try:
        return clean_image(upload, field="document",
                           max_bytes=settings.STENT_VERIFICATION_DOCUMENT_MAX_BYTES)
    except Invalid:
        raise Invalid("document", _("Send a PDF or a JPEG, PNG or WebP image.")) from None


def request_verification(member, *, registry: str, registry_number: str, document):
    """A new pending request; one pending at a time, none once the member is verified."""
    if member.profile.is_verified:
        raise Conflict(_("Your professional status is already verified."))
    clean = _clean_document(document)
    request = VerificationRequest(member=member, registry=registry,
                                  registry_number=registry_number)
    try:
        with transaction.atomic():
            request.document.save(clean.name, clean, save=False)
            request.save()
    except IntegrityError:
        request.document.storage.delete(request.document.name)
        raise Conflict(_("A verification request is already waiting for review."))
    return request


def decide_verification(request: VerificationRequest, *, reviewer, approve: bool,
                        reason: str = "") -> VerificationRequest:
    """A moderator approves or rejects (a reason is required) a pending request."""
    if not approve and not reason.strip():
        raise Invalid("reason", _("Say why the request is rejected."))
    with transaction.atomic():
        request = VerificationRequest.objects.select_for_update().get(pk=request.pk)
        if request.state != VerificationRequest.State.PENDING:
            raise Conflict(_("This request was already reviewed."))
        request.state = (VerificationRequest.State.APPROVED if approve
                         else VerificationRequest.State.REJECTED)
        request.reason = reason.strip()
        request.reviewed_at = timezone.now()
        request.reviewed_by = reviewer
        request.save()
        if approve:
            Profile.objects.filter(user_id=request.member_id).update(
                verified_at=request.reviewed_at, kind=Profile.Kind.PROFESSIONAL)
        audit.record(reviewer, f"identity.verification_{request.state}",
                     subject=request.member, target=request)
        transaction.on_commit(lambda: tell_verification_outcome(request))
    return request
