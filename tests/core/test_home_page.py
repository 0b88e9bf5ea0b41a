"""The root URL is a small page naming the API, its docs and the admin: no 404, no CDN."""
import re

import pytest

pytestmark = pytest.mark.django_db


def test_the_root_url_names_the_api_the_docs_and_the_admin(client):
    response = client.get("/")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    for href in ("/api/v1/", "/api/v1/docs/", "/admin/", "/healthz"):
        assert f'href="{href}"' in page
    # Nothing is loaded from anywhere else: no script, stylesheet, image or font.
    assert not re.search(r"<(script|link|img|style)\b", page)
    assert "http://" not in page and "https://" not in page


def test_the_root_page_speaks_french(client):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Documentation de l’API" in page or "Documentation de l'API" in page
    assert 'lang="fr"' in page


def test_the_root_page_only_answers_reads(client):
    assert client.post("/").status_code == 405
