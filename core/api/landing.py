"""Pages for the links Stent e-mails, while no front-end is configured.

A link in an e-mail is often opened by a mail scanner before its reader: its GET only explains
the step and shows a button; the button's POST performs it. A plugin mounts one per kind of link
with ``landing_view(...)`` and builds its link with ``core.conf.frontend_link`` from a template
(a setting read from the environment) starting with ``{frontend}``: ``STENT_FRONTEND_URL`` defaults to this server's ``/api/v1``, so the link
lands here until a deployer names their front-end.
"""
import inspect
from dataclasses import dataclass

from django.conf import settings
from django.shortcuts import render
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

from core.errors import DomainError


@dataclass(frozen=True)
class LandingField:
    """A field the reader fills in before pressing the button (a new password, say)."""

    name: str
    label: str
    type: str = "text"
    autocomplete: str = "off"


def landing_view(*, title, explanation, button, perform, parameter="token", fields=()):
    """A view: GET explains the step and shows ``button``; POST calls ``perform(value)`` with the
    link's ``parameter`` (from the query string or the URL's path) and shows the message it
    returns (a domain error's, with its status). ``fields`` (``LandingField``) are shown in the
    form and passed to ``perform`` by name; ``perform`` gets the ``request`` if it asks for it."""
    wants_request = "request" in inspect.signature(perform).parameters

    @csrf_protect
    @require_http_methods(["GET", "POST"])
    def view(request, **path_values):
        value = request.POST.get(parameter) if request.method == "POST" else None
        value = value or path_values.get(parameter) or request.GET.get(parameter, "")
        context = {"title": title, "explanation": explanation, "button": button,
                   "parameter": parameter, "value": value,
                   "inputs": [(field, ()) for field in fields],
                   "site_name": settings.WAGTAIL_SITE_NAME}
        if request.method == "GET":
            return render(request, "stent/landing.html", context)
        given = {field.name: request.POST.get(field.name, "") for field in fields}
        try:
            context["done"] = perform(value, **given, **({"request": request} if wants_request
                                                        else {}))
        except DomainError as error:
            return _refused(request, context, fields, error)
        return render(request, "stent/landing.html", context)

    return view


def _refused(request, context, fields, error):
    """The page again with the error: next to its field when it names one of the form's."""
    errors = getattr(error, "errors", None) or {}
    context["inputs"] = [(field, errors.get(field.name, ())) for field in fields]
    if not errors or set(errors) - {field.name for field in fields}:
        context["error"] = error.message
    response = render(request, "stent/landing.html", context, status=error.status_code)
    response.landing_page = True  # its reader is a person: the page, not a JSON error
    return response
