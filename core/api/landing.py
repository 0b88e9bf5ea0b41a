"""Pages for the links Stent e-mails, while no front-end is configured.

A link in an e-mail is often opened by a mail scanner before its reader: its GET only explains
the step and shows a button; the button's POST performs it. A plugin mounts one per kind of link
with ``landing_view(...)`` and builds its link with ``core.conf.frontend_link`` from a template
(a setting read from the environment) starting with ``{frontend}``: ``STENT_FRONTEND_URL`` defaults to this server's ``/api/v1``, so the link
lands here until a deployer names their front-end.
"""
from django.conf import settings
from django.shortcuts import render
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

from core.errors import DomainError


def landing_view(*, title, explanation, button, perform, parameter="token"):
    """A view: GET explains the step and shows ``button``; POST calls ``perform(value)`` with the
    link's ``parameter`` and shows the message it returns (a domain error's, with its status)."""

    @csrf_protect
    @require_http_methods(["GET", "POST"])
    def view(request):
        value = request.POST.get(parameter) if request.method == "POST" else None
        value = value or request.GET.get(parameter, "")
        context = {"title": title, "explanation": explanation, "button": button,
                   "parameter": parameter, "value": value,
                   "site_name": settings.WAGTAIL_SITE_NAME}
        if request.method == "GET":
            return render(request, "stent/landing.html", context)
        try:
            context["done"] = perform(value)
        except DomainError as error:
            context["error"] = error.message
            response = render(request, "stent/landing.html", context, status=error.status_code)
            response.landing_page = True  # its reader is a person: the page, not a JSON error
            return response
        return render(request, "stent/landing.html", context)

    return view
