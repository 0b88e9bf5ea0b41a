"""The API's JSON renderer: DRF's output, byte for byte, written by orjson.

DRF's ``JSONRenderer`` runs the standard library's encoder, a sizeable share of a list page's
time. ``StentJSONRenderer`` gives the same bytes through orjson: compact separators, UTF-8
(not ``\\u`` escapes) except U+2028/U+2029, which DRF escapes and so do we; datetimes, dates,
times, decimals, lazy translations and the other types orjson does not write as DRF does go
through DRF's own encoder (``JSONEncoder.default``). What orjson cannot write the same way
(an integer wider than 64 bits, an indented response asked by ``; indent=N``, ASCII-only or
non-compact settings) falls back to DRF's renderer. The OpenAPI views keep their own renderers.

Two known differences, accepted: a float in exponent notation is written ``1e16`` / ``1e-5``
where the standard library writes ``1e+16`` / ``1e-05`` (the same number; Stent's API gives no
such floats: amounts are integers of minor units or strings), and a NaN or infinity, which DRF
refuses with a 500 (strict JSON), is written ``null``.
"""
import orjson
from rest_framework.renderers import JSONRenderer
from rest_framework.utils.encoders import JSONEncoder

_OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_NON_STR_KEYS
_ENCODER = JSONEncoder()
_LINE_SEPARATOR = "\u2028".encode()
_PARAGRAPH_SEPARATOR = "\u2029".encode()


def _default(value):
    return _ENCODER.default(value)


class StentJSONRenderer(JSONRenderer):
    """``JSONRenderer`` with orjson underneath; falls back to it for what orjson writes apart."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        if (self.ensure_ascii or not self.compact
                or self.get_indent(accepted_media_type, renderer_context or {}) is not None):
            return super().render(data, accepted_media_type, renderer_context)
        try:
            text = orjson.dumps(data, default=_default, option=_OPTIONS)
        except (orjson.JSONEncodeError, ValueError):
            # Wider than 64 bits, or a type DRF's encoder refuses: DRF says it its own way.
            return super().render(data, accepted_media_type, renderer_context)
        if _LINE_SEPARATOR in text:
            text = text.replace(_LINE_SEPARATOR, b"\\u2028")
        if _PARAGRAPH_SEPARATOR in text:
            text = text.replace(_PARAGRAPH_SEPARATOR, b"\\u2029")
        return text

