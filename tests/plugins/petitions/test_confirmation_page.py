"""The e-mailed confirmation link lands, without a front-end, on a page whose button confirms."""
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.test import Client

from tests.plugins.petitions.factories import make_petition

pytestmark = pytest.mark.django_db


def e_mailed_link(api_client, petition, capture) -> str:
    with capture(execute=True):
        assert api_client.post(f"/api/v1/petitions/{petition.pk}/signatures/",
                               {"email": "someone@example.org"}).status_code == 202
    return re.search(r"https?://\S+", mail.outbox[-1].body).group(0)


def test_the_link_explains_on_get_and_confirms_on_the_button_press(
        api_client, settings, django_capture_on_commit_callbacks):
    petition = make_petition()
    link = e_mailed_link(api_client, petition, django_capture_on_commit_callbacks)
    assert link.startswith(f"{settings.STENT_FRONTEND_URL}/petitions/confirm/?token=")
    browser = Client(enforce_csrf_checks=True)
    url = urlsplit(link)
    page = browser.get(f"{url.path}?{url.query}")
    assert page.status_code == 200 and page["Content-Type"].startswith("text/html")
    html = page.content.decode()
    assert "Confirm my signature" in html and "<form method=\"post\">" in html
    petition.refresh_from_db()
    assert petition.signature_count == 0  # a mail scanner's GET confirms nothing

    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    done = browser.post(url.path, {"token": token, "csrfmiddlewaretoken": csrf})
    assert done.status_code == 200, done.content
    assert "Thank you: your signature counts." in done.content.decode()
    petition.refresh_from_db()
    assert petition.signature_count == 1


def test_a_wrong_token_is_explained_on_the_page_in_the_readers_language(client):
    page = client.get("/api/v1/petitions/confirm/?token=nope")
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())
    refused = client.post("/api/v1/petitions/confirm/",
                          {"token": "nope", "csrfmiddlewaretoken": csrf.group(1)},
                          HTTP_ACCEPT_LANGUAGE="fr")
    assert refused.status_code == 400
    assert "Confirmer ma signature" in refused.content.decode()


def test_the_link_template_is_a_setting_naming_the_front_end(
        api_client, settings, django_capture_on_commit_callbacks):
    settings.STENT_FRONTEND_URL = "https://app.example.org"
    settings.PETITIONS_CONFIRMATION_URL = "{frontend}/sign/confirm/{token}"
    link = e_mailed_link(api_client, make_petition(), django_capture_on_commit_callbacks)
    assert re.fullmatch(r"https://app\.example\.org/sign/confirm/[\w.-]+", link)
