"""E-mailed links followed as a person would: the link of the last e-mail, its page, its buttons.

``emailed_path(to)`` is the path of the link ending the last e-mail sent to ``to``;
``open_page(browser, path)`` checks the GET answers an HTML page and returns its text and CSRF
token; ``press(browser, path, csrf, choice=None, **fields)`` posts the page's form as its
button would (with the hidden token of the link, taken from the page).
"""
import re
from urllib.parse import parse_qs, unquote, urlsplit

from django.core import mail


def emailed_path(to: str) -> str:
    """The path and query of the link ending the last e-mail sent to ``to``."""
    message = [m for m in mail.outbox if to in m.to][-1]
    link = re.findall(r"https?://\S+", message.body)[-1]
    parts = urlsplit(link)
    return unquote(parts.path) + (f"?{parts.query}" if parts.query else "")


def token_of(path: str) -> str:
    return parse_qs(urlsplit(path).query)["token"][0]


def open_page(browser, path, *, status=200, **headers):
    page = browser.get(path, **headers)
    assert page.status_code == status, page.content[:500]
    assert page["Content-Type"].startswith("text/html")
    html = page.content.decode()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    return html, csrf.group(1) if csrf else None


def press(browser, path, csrf, choice=None, **fields):
    """POST the page's form; the link's token travels in the query string, as the form's
    action (the page's own address) keeps it."""
    data = {"csrfmiddlewaretoken": csrf, **fields}
    if choice is not None:
        data["choice"] = choice
    return browser.post(path, data)


def answered(path, choice, **headers):
    """Open the page of ``path`` in a new browser and press ``choice``: (browser, csrf, the
    POST's response), the browser and token kept for pressing again."""
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    _html, csrf = open_page(browser, path, **headers)
    return browser, csrf, press(browser, path, csrf, choice)
