"""``Idempotency-Key`` for writes a client may retry: the same request answered once.

``@idempotent(scope="crowdfunding.pledge")`` on a DRF view method or ``@action``: a signed-in
member's request carrying the header claims ``(member, scope, key)`` in the database before the
view runs. A retry with the same method, path and body gets the stored status and body again
(header ``Idempotent-Replayed: true``); the same key with another request is a 409, and so is a
twin arriving while the first still runs (the unique constraint decides which one runs).

Only successful (2xx) answers are kept: after a 4xx or 5xx the key is released, so the client
may correct the request and send it again with the same key. Anonymous requests are not
tracked (there is no member to scope the key to): the header is ignored for them. A process
killed mid-request leaves its key "in progress" until the record expires
(``STENT_IDEMPOTENCY_HOURS``, default 24), when ``purge_idempotency_records`` removes it.
"""
from __future__ import annotations

import functools
import hashlib
import json
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import IntegrityError, transaction
from django.http.request import RawPostDataException
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.response import Response

from core.api.models import IdempotencyRecord
from core.errors import Conflict, Invalid

HEADER = "Idempotency-Key"
MAX_KEY_LENGTH = 255
DEFAULT_HOURS = 24

IDEMPOTENCY_KEY_PARAMETER = OpenApiParameter(
    HEADER, OpenApiTypes.STR, OpenApiParameter.HEADER, required=False,
    description=gettext_lazy(
        "A unique value (a UUID) chosen by the client for this write. Sending the same request "
        "again with the same key returns the first answer instead of writing twice; another "
        "request with the same key, or one sent while the first still runs, gets a 409."),
)


def retention() -> timedelta:
    """How long a key is remembered (setting ``STENT_IDEMPOTENCY_HOURS``)."""
    return timedelta(hours=int(getattr(settings, "STENT_IDEMPOTENCY_HOURS", DEFAULT_HOURS)))


def purge_expired(now=None) -> int:
    """Delete the records older than the retention; returns how many went."""
    cutoff = (now or timezone.now()) - retention()
    deleted, _ = IdempotencyRecord.objects.filter(created_at__lt=cutoff).delete()
    return deleted


def body_hash(request) -> str:
    """SHA-256 of the raw body, or of the parsed data when the body was streamed (uploads)."""
    digest = hashlib.sha256()
    try:
        digest.update(request.body)
    except (RawPostDataException, RequestDataTooBig):
        for name, value in sorted(request.data.items()):
            digest.update(name.encode())
            if hasattr(value, "chunks"):
                for chunk in value.chunks():
                    digest.update(chunk)
            else:
                digest.update(json.dumps(value, sort_keys=True, default=str).encode())
    return digest.hexdigest()


def checked_key(request, required: bool) -> str | None:
    key = request.headers.get(HEADER, "")
    if not key:
        if required:
            raise Invalid(_("This request needs an Idempotency-Key header."))
        return None
    if len(key) > MAX_KEY_LENGTH or not key.isascii() or not key.isprintable():
        raise Invalid(_("The Idempotency-Key header must be at most %(length)d printable "
                        "ASCII characters.") % {"length": MAX_KEY_LENGTH})
    return key


def claim(member, scope: str, key: str, method: str, path: str, fingerprint: str):
    """The record of this key: (record, True) if this request now owns it, else the stored
    one and False. An expired record still waiting for the purge is replaced."""
    for _attempt in range(2):
        try:
            with transaction.atomic():
                return IdempotencyRecord.objects.create(
                    member=member, scope=scope, key=key, method=method, path=path,
                    body_hash=fingerprint), True
        except IntegrityError:
            existing = IdempotencyRecord.objects.filter(member=member, scope=scope,
                                                        key=key).first()
            if existing is None:
                continue  # released between our insert and our read: try once more
            if existing.created_at >= timezone.now() - retention():
                return existing, False
            IdempotencyRecord.objects.filter(pk=existing.pk).delete()
    raise Conflict(_("A request with this Idempotency-Key is still in progress; retry later."))


def replay(record, method: str, path: str, fingerprint: str) -> Response:
    if (record.method, record.path, record.body_hash) != (method, path, fingerprint):
        raise Conflict(_("This Idempotency-Key was already used for another request."))
    if record.status_code is None:
        raise Conflict(_("A request with this Idempotency-Key is still in progress; "
                         "retry later."))
    return Response(record.response_body, status=record.status_code,
                    headers={"Idempotent-Replayed": "true"})


def idempotent(scope: str, *, required: bool = False):
    """Make a DRF view method answer a retried request once (see the module's docstring)."""

    def decorator(view_method):
        @functools.wraps(view_method)
        def wrapper(view, request, *args, **kwargs):
            key = checked_key(request, required)
            if key is None or not request.user.is_authenticated:
                return view_method(view, request, *args, **kwargs)
            method, path, fingerprint = request.method, request.get_full_path(), body_hash(request)
            record, owned = claim(request.user, scope, key, method, path, fingerprint)
            if not owned:
                return replay(record, method, path, fingerprint)
            try:
                response = view_method(view, request, *args, **kwargs)
            except BaseException:
                record.delete()
                raise
            if 200 <= response.status_code < 300:
                record.status_code = response.status_code
                record.response_body = getattr(response, "data", None)
                record.save(update_fields=["status_code", "response_body"])
            else:
                record.delete()
            return response

        return wrapper

    return decorator
