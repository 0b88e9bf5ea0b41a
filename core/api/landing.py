"""Pages for the links Stent e-mails, while no front-end is configured.

A link in an e-mail is often opened by a mail scanner before its reader: its GET only explains
the step and shows a button; the button's POST performs it. A plugin mounts one per kind of link
with ``landing_view(...)`` and builds its link with ``core.conf.frontend_link`` from a template
(a setting read from the environment) starting with ``{frontend}``: ``STENT_FRONTEND_URL``
defaults to this server's ``/api/v1``, so the link lands here until a deployer names their
front-end. A page may offer several answers (``choices``: accept or decline), describe itself
from the link (``describe``: who invites whom, in the reader's language) or only explain
(no ``perform``: a notification seen in the app).
"""
import inspect
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

from core.errors import DomainError, Invalid


@dataclass(frozen=True)
class LandingField:
    """A field the reader fills in before pressing the button (a new password, say)."""

    name: str
    label: str
    type: str = "text"
    autocomplete: str = "off"


@dataclass(frozen=True)
class LandingChoice:
    """One of the buttons of a page that offers several answers (accept, decline)."""

    name: str
    label: str


def landing_view(*, title, explanation="", button="", perform=None, parameter="token",
                 fields=(), choices=(), describe=None):
    """A view: GET explains the step and shows ``button``; POST calls ``perform(value)`` with the
    link's ``parameter`` (from the query string or the URL's path) and shows the message it
    returns (a domain error's, with its status). ``fields`` (``LandingField``) are shown in the
    form and passed to ``perform`` by name; ``perform`` gets the ``request`` if it asks for it.

    ``choices`` (``LandingChoice``) replace the one button by several; ``perform`` gets the
    pressed one's name as ``choice``. ``describe(value)`` returns a dict overriding ``title``
    and ``explanation`` and naming the page's ``language`` (its reader's), or raises a domain
    error shown instead of the form. Without ``perform`` the page only explains (GET only)."""
    wants_request = perform is not None and "request" in inspect.signature(perform).parameters
    methods = ["GET", "POST"] if perform is not None else ["GET"]

    @csrf_protect
    @require_http_methods(methods)
    def view(request, **path_values):
        value = request.POST.get(parameter) if request.method == "POST" else None
        value = value or path_values.get(parameter) or request.GET.get(parameter, "")
        context = {"title": title, "explanation": explanation, "button": button,
                   "parameter": parameter, "value": value, "actionable": perform is not None,
                   "choices": choices, "inputs": [(field, ()) for field in fields],
                   "site_name": settings.WAGTAIL_SITE_NAME}
        language = translation.get_language()
        try:
            if describe is not None:
                described = describe(value)
                language = described.pop("language", None) or language
                context.update(described)
        except DomainError as error:
            with translation.override(language):
                context["actionable"] = False
                return _refused(request, context, fields, error)
        with translation.override(language):
            if request.method == "GET":
                return render(request, "stent/landing.html", context)
            given = {field.name: request.POST.get(field.name, "") for field in fields}
            if choices:
                given["choice"] = request.POST.get("choice", "")
            if wants_request:
                given["request"] = request
            try:
                with transaction.atomic():
                    if choices and given["choice"] not in {choice.name for choice in choices}:
                        raise Invalid(_("Press one of the page's buttons."))
                    context["done"] = perform(value, **given)
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
