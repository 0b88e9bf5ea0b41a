"""DRF's JSON parser with the API's limits: a bounded depth, no NUL, a clear 400 otherwise."""
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

from core.api.limits import RequestRefused, parse_json


class LimitedJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        raw = stream.read() if stream is not None else b""
        try:
            return parse_json(raw)
        except RequestRefused as refused:
            raise ParseError(refused.body.get("detail"))
