"""The API skeleton: root, errors in JSON, schema, self-hosted docs, health, admin login."""
import re

import pytest
from openapi_spec_validator import validate

from tests.stent_process import request_in_process

pytestmark = pytest.mark.django_db


def test_root_lists_enabled_plugins_and_where_the_docs_are(api_client):
    response = api_client.get("/api/v1/")
    assert response.status_code == 200
    body = response.json()
    assert sorted(p["name"] for p in body["plugins"]) == [
        "agenda", "crowdfunding", "exchange", "petitions", "polls", "toys_donation"]
    assert body["schema"] == "http://testserver/api/v1/schema/"
    assert body["docs"] == "http://testserver/api/v1/docs/"
    petitions = next(p for p in body["plugins"] if p["name"] == "petitions")
    assert petitions["url"] == "http://testserver/api/v1/petitions/"
    assert petitions["version"] and petitions["description"]


@pytest.mark.parametrize("label", ["agenda", "crowdfunding", "exchange", "polls",
                                   "toys_donation"])
def test_a_plugin_root_links_to_its_collections(api_client, label):
    """A front-end starts from the API root: each plugin's root names its lists, and each link
    is a route of the plugin (an anonymous visitor may be told to sign in, never a 404)."""
    body = api_client.get(f"/api/v1/{label}/").json()
    assert body["name"] == label and body["endpoints"]
    for route, url in body["endpoints"].items():
        assert url == f"http://testserver/api/v1/{label}/{route}/"
        assert api_client.get(url).status_code in (200, 401), url


def test_unknown_api_url_is_a_json_404(client):
    for url in ("/api/v1/no-such-thing/", "/api/v1/no-such-thing", "/api/v2/"):
        response = client.get(url)
        assert response.status_code == 404
        assert response["Content-Type"].startswith("application/json")
        assert response.json() == {"detail": "Not found."}


@pytest.mark.urls("tests.core.echo_urls")
def test_malformed_json_is_a_json_400(api_client):
    response = api_client.post("/api/v1/echo/", data='{"title": "oops',
                               content_type="application/json")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert "JSON parse error" in response.json()["detail"]
    good = api_client.post("/api/v1/echo/", data={"title": "fine"}, format="json")
    assert good.json() == {"title": "fine"}


@pytest.mark.urls("tests.core.echo_urls")
def test_a_crash_under_the_api_is_a_json_500_not_an_html_page(client):
    client.raise_request_exception = False
    response = client.get("/api/v1/crash/")
    assert response.status_code == 500
    assert response.json() == {"detail": "A server error occurred."}


def test_an_error_page_replaced_by_json_speaks_the_request_language(client):
    response = client.get("/api/v1/no-such-thing/", headers={"accept-language": "fr"})
    assert response.json() == {"detail": "Introuvable."}


def test_wrong_method_is_a_json_405(api_client):
    response = api_client.delete("/api/v1/")
    assert response.status_code == 405
    assert response.json() == {"detail": 'Method "DELETE" not allowed.'}


def test_schema_is_valid_openapi_3(api_client):
    response = api_client.get("/api/v1/schema/?format=json")
    assert response.status_code == 200
    schema = response.json()
    validate(schema)
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/" in schema["paths"]
    assert all(path.startswith("/api/v1/") for path in schema["paths"])


def test_docs_load_with_no_external_url(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "swagger-ui" in page
    external = re.findall(r"""(?:src|href)=["'](https?:)?//""", page)
    assert external == []
    assets = re.findall(r"""(?:src|href)=["'](/static/[^"']+)["']""", page)
    assert assets, "the docs page loads its assets from our own static files"
    from django.contrib.staticfiles import finders

    for asset in assets:  # shipped by the project, served by WhiteNoise (runserver: finders)
        assert finders.find(asset.removeprefix("/static/")), asset


def test_healthz_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok"}}


def test_healthz_checks_a_configured_cache_and_answers_503_when_it_is_down():
    out = request_in_process(["GET /healthz"], REDIS_URL="redis://127.0.0.1:1/0",
                             DATABASE_URL="sqlite:///:memory:")
    assert out["GET /healthz"] == {
        "status": 503, "body": {"status": "unavailable",
                                "checks": {"database": "ok", "cache": "unavailable"}}}


def test_healthz_with_the_local_redis():
    import redis

    try:
        redis.Redis.from_url("redis://127.0.0.1:6379/15").ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis server on 127.0.0.1:6379")
    out = request_in_process(["GET /healthz"], REDIS_URL="redis://127.0.0.1:6379/15",
                             DATABASE_URL="sqlite:///:memory:")
    assert out["GET /healthz"]["status"] == 200
    assert out["GET /healthz"]["body"]["checks"] == {"database": "ok", "cache": "ok"}


def test_admin_shows_the_wagtail_login(client):
    response = client.get("/admin/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].startswith("/admin/login/")
    assert b"wagtail" in response.content.lower()


def test_anonymous_requests_are_throttled(api_client, settings):
    from rest_framework.settings import api_settings
    from rest_framework.throttling import AnonRateThrottle

    original = AnonRateThrottle.THROTTLE_RATES
    AnonRateThrottle.THROTTLE_RATES = {**api_settings.DEFAULT_THROTTLE_RATES, "anon": "3/min"}
    try:
        statuses = [api_client.get("/api/v1/").status_code for _ in range(4)]
    finally:
        AnonRateThrottle.THROTTLE_RATES = original
    assert statuses == [200, 200, 200, 429]
