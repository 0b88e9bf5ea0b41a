"""Turns any non-JSON error under /api/ (unknown URL, CSRF failure, crash) into a JSON one."""
from http import HTTPStatus

from core.api.errors import json_error

API_PREFIX = "/api/"


class JsonErrorsForApiMiddleware:
    """Outermost middleware: API clients never receive an HTML error page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.path.startswith(API_PREFIX)
            and response.status_code >= 400
            and "json" not in response.get("Content-Type", "")
        ):
            try:
                phrase = HTTPStatus(response.status_code).phrase
            except ValueError:
                phrase = "Error"
            detail = "Not found." if response.status_code == 404 else f"{phrase}."
            replacement = json_error(response.status_code, detail)
            for header in ("Retry-After", "Allow", "WWW-Authenticate"):
                if header in response:
                    replacement[header] = response[header]
            return replacement
        return response
