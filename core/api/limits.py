"""Limits every API request must respect before any view sees it: body size, JSON depth, NUL.

One layer shared by every view under /api/ (DRF's, Wagtail's and allauth's plain Django views):
a NUL character can never be stored in PostgreSQL text, a thousand nested arrays exhaust the
recursion of any validator, and an oversized body is refused before it is read.
"""
import json

from django.conf import settings
from django.utils.translation import gettext as _

NUL = "\x00"


class RequestRefused(Exception):
    """The request breaks one of the limits: ``status`` and a body for the JSON error."""

    def __init__(self, status: int, body: dict):
        self.status = status
        self.body = body
        super().__init__(body)


def max_body_bytes(content_type: str) -> int:
    if content_type.startswith("multipart/"):
        return settings.STENT_API_MAX_UPLOAD_BYTES
    return settings.STENT_API_MAX_BODY_BYTES


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".rstrip("0").rstrip(".")


def check_body_size(content_length: str | None, content_type: str) -> None:
    try:
        length = int(content_length or 0)
    except ValueError:
        raise RequestRefused(400, {"detail": _("The Content-Length header is not a number.")})
    limit = max_body_bytes(content_type)
    if length > limit:
        raise RequestRefused(413, {"detail": _(
            "The request body is larger than the limit of %(limit)s MB (%(bytes)s bytes)."
        ) % {"limit": _megabytes(limit), "bytes": limit}})


def check_text(name: str, value: str) -> None:
    """A query parameter or a path: no NUL character, a bounded length."""
    if NUL in value:
        raise RequestRefused(400, {name: [_("Null characters are not allowed.")]})
    limit = settings.STENT_API_MAX_PARAMETER_LENGTH
    if len(value) > limit:
        raise RequestRefused(400, {name: [_(
            "Ensure this value has at most %(limit)d characters.") % {"limit": limit}]})


#: the largest integer a JSON body may hold: a signed 64-bit column's (bigint, SQLite INTEGER)
LARGEST_INTEGER = 2**63 - 1


def check_json_value(data) -> None:
    """Walks a parsed JSON document without recursion: bounded depth, no NUL in any string, no
    integer beyond what a database column holds (64 bits)."""
    max_depth = settings.STENT_API_MAX_JSON_DEPTH
    pending = [(data, 1)]
    while pending:
        value, depth = pending.pop()
        if isinstance(value, int) and not isinstance(value, bool) \
                and not -LARGEST_INTEGER - 1 <= value <= LARGEST_INTEGER:
            raise RequestRefused(400, {"detail": _(
                "A number in the JSON body is too large (at most %(limit)d).") % {
                    "limit": LARGEST_INTEGER}})
        if isinstance(value, str):
            if NUL in value:
                raise RequestRefused(400, {"detail": _("Null characters are not allowed.")})
            continue
        if isinstance(value, dict):
            children = [*value.keys(), *value.values()]
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth > max_depth:
            raise RequestRefused(400, {"detail": _(
                "The JSON body is nested more than %(depth)d levels deep.") % {"depth": max_depth}})
        pending.extend((child, depth + 1) for child in children)


def parse_json(raw: bytes):
    """The JSON document in ``raw``, checked; a malformed one raises ``RequestRefused`` (400)."""
    try:
        data = json.loads(raw)
    except RecursionError:  # deeper than Python's own stack: far past the limit
        raise RequestRefused(400, {"detail": _(
            "The JSON body is nested more than %(depth)d levels deep.") % {
                "depth": settings.STENT_API_MAX_JSON_DEPTH}})
    except ValueError as error:
        raise RequestRefused(400, {"detail": _("JSON parse error - %(error)s") % {
            "error": str(error)[:200]}})
    check_json_value(data)
    return data
