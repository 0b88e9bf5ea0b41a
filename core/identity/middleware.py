"""Answers 429 (JSON) when allauth's failed-login limit is reached, instead of a form error."""
from allauth.headless.base.response import RateLimitResponse

from core.api.errors import json_error
from core.identity.adapters import LoginRateLimited


class LoginRateLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, LoginRateLimited):
            return None
        if hasattr(getattr(request, "allauth", None), "headless"):
            return RateLimitResponse(request)
        return json_error(429, "Too many failed login attempts. Try again later.")
