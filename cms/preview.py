"""Headless preview: a short-lived signed token that lets a front-end read one draft revision."""
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.utils import timezone
from wagtail.models import Revision

SALT = "stent.cms.preview"


class PreviewTokenError(Exception):
    """The token is malformed, forged, expired, or its revision is gone."""


def max_age() -> int:
    return settings.STENT_PREVIEW_TOKEN_MAX_AGE


def make_preview_token(revision: Revision) -> tuple[str, timezone.datetime]:
    """A token for this revision, and when it stops working."""
    token = signing.dumps({"revision": revision.pk}, salt=SALT)
    return token, timezone.now() + timedelta(seconds=max_age())


def draft_for_token(token: str):
    """The page as it stands in the token's revision (a draft, never saved as live)."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=max_age())
    except signing.SignatureExpired as error:
        raise PreviewTokenError("This preview token has expired.") from error
    except signing.BadSignature as error:
        raise PreviewTokenError("This preview token is not valid.") from error
    revision = Revision.page_revisions.filter(pk=payload.get("revision")).first()
    if revision is None:
        raise PreviewTokenError("This preview token is not valid.")
    return revision.as_object()
