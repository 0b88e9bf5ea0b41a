"""The API's middleware: JSON errors for any failure under /api/, and the request limits."""
import re
from http import HTTPStatus
from urllib.parse import unquote

from django.conf import settings
from django.http import JsonResponse
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from core.api.errors import json_error
from core.api.limits import NUL, RequestRefused, check_body_size, check_text, parse_json

API_PREFIX = "/api/"
ALLAUTH_PREFIX = "/api/v1/auth/"
ALLAUTH_CLIENT = re.compile(r"^/api/v1/auth/(?P<client>[^/]+)/v1/")


def implemented(view_class) -> list[str]:
    """The methods an allauth view answers: any other (TRACE, QUERY...) would still run its
    checks (CSRF, input) and answer 400 or 403 instead of 405."""
    methods = [name.upper() for name in view_class.http_method_names
               if name != "trace" and hasattr(view_class, name)]
    return methods + (["HEAD"] if "GET" in methods and "HEAD" not in methods else [])


class MethodRefused(RequestRefused):
    """405 with the ``Allow`` header: the methods the matched view implements."""

    def __init__(self, request, view_class):
        self.allowed = ", ".join(implemented(view_class))
        super().__init__(405, {"status": 405, "errors": [{
            "code": "method_not_allowed",
            "message": _('Method "%(method)s" not allowed.') % {"method": request.method}}]})


def error_message(status: int, phrase: str) -> str:
    """The message of an error page replaced by JSON, in the request's language."""
    messages = {
        400: _("Bad request."), 403: _("You do not have permission to perform this action."),
        404: _("Not found."), 405: _("Method not allowed."), 413: _("Request too large."),
        500: _("A server error occurred."), 503: _("Service temporarily unavailable."),
    }
    return str(messages.get(status, f"{phrase}."))


class JsonErrorsForApiMiddleware:
    """API clients never receive an HTML error page. It sits inside the security, CSP and CORS
    middleware, so that the JSON errors it writes carry their headers too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.path.startswith(API_PREFIX)
            and response.status_code >= 400
            and "json" not in response.get("Content-Type", "")
            and not getattr(response, "landing_page", False)  # core.api.landing: for people
        ):
            try:
                phrase = HTTPStatus(response.status_code).phrase
            except ValueError:
                phrase = "Error"
            detail = error_message(response.status_code, phrase)
            if request.path.startswith(ALLAUTH_PREFIX):
                # allauth's clients read its own error shape, which its spec documents.
                replacement = JsonResponse({"status": response.status_code, "errors": [{
                    "code": phrase.lower().replace(" ", "_"), "message": detail}]},
                    status=response.status_code)
            else:
                replacement = json_error(response.status_code, detail)
            for header in ("Retry-After", "Allow", "WWW-Authenticate", "Vary"):
                if header in response:
                    replacement[header] = response[header]
            return replacement
        return response


class ApiRequestLimitsMiddleware:
    """Refuses, before any view runs, an API request that breaks a limit of ``core.api.limits``:
    a body over the size limit (413), a NUL or an over-long value in the path or the query
    string, a JSON body too deep or holding a NUL (400). Placed after the locale middleware so
    that the messages are in the member's language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(API_PREFIX):
            try:
                self.check(request)
            except RequestRefused as refused:
                response = JsonResponse(refused.body, status=refused.status)
                if isinstance(refused, MethodRefused):
                    response["Allow"] = refused.allowed
                return response
        return self.get_response(request)

    def check(self, request):
        client = ALLAUTH_CLIENT.match(request.path)
        if client:
            try:
                view_class = getattr(resolve(request.path_info).func, "view_class", None)
            except Resolver404:
                view_class = None  # an unknown URL: a 404, as for any method
            if view_class is not None and request.method not in implemented(view_class):
                raise MethodRefused(request, view_class)
        if client and client["client"] not in settings.HEADLESS_CLIENTS:
            raise RequestRefused(400, {"status": 400, "errors": [{
                "code": "invalid", "param": "client", "message": _(
                    "Unknown client: use one of %(clients)s.") % {
                        "clients": ", ".join(settings.HEADLESS_CLIENTS)}}]})
        content_type = request.content_type or ""
        check_body_size(request.META.get("CONTENT_LENGTH"), content_type)
        if NUL in unquote(request.path) or NUL in request.path:
            check_text("path", NUL)
        for name, values in request.GET.lists():
            check_text(name, name)
            for value in values:
                check_text(name, value)
        if not request.META.get("CONTENT_LENGTH"):
            return
        if content_type == "application/json" or content_type.endswith("+json"):
            # Read once here; Django keeps the body, so the view parses the same bytes.
            parse_json(request.body)
        elif content_type == "application/x-www-form-urlencoded":
            for name, values in request.POST.lists():
                if NUL in name or any(NUL in value for value in values):
                    check_text(name, NUL)
