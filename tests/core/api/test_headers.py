"""Security, CORS, CSP and privacy headers on every response under /api/ (errors included),
the preflight of a browser front-end using the app client, and a clean check --deploy."""
import pytest

from tests.factories import UserFactory
from tests.fuzz.conftest import session_token_for
from tests.stent_process import manage

pytestmark = pytest.mark.django_db

FRONTEND = "https://app.stent.example"
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}
API_POLICY = {"default-src": "'none'", "frame-ancestors": "'none'", "base-uri": "'none'",
              "form-action": "'none'"}


def policy_of(response) -> dict:
    return dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))


@pytest.fixture
def listed_origin(settings):
    settings.CORS_ALLOWED_ORIGINS = [FRONTEND]
    return FRONTEND


def call(client, method, url, **extra):
    client.raise_request_exception = False  # the forced 500 comes back as a response
    return client.generic(method, url, HTTP_ORIGIN=FRONTEND, **extra)


@pytest.mark.urls("tests.core.echo_urls")
@pytest.mark.parametrize("method, url, status", [
    ("GET", "/api/v1/", 200),
    ("GET", "/api/v1/no-such-thing/", 404),
    ("DELETE", "/api/v1/", 405),
    ("GET", "/api/v1/crash/", 500),
])
def test_every_api_response_carries_security_and_cors_headers(client, listed_origin, method,
                                                              url, status):
    response = call(client, method, url)
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    for header, value in SECURITY_HEADERS.items():
        assert response[header] == value, header
    assert policy_of(response) == API_POLICY
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Access-Control-Allow-Origin"] == FRONTEND
    assert response["Access-Control-Allow-Credentials"] == "true"
    assert {"Cookie", "Authorization", "X-Session-Token"} <= {
        part.strip() for part in response["Vary"].split(",")}


def test_an_unlisted_origin_gets_no_cors_headers(client, listed_origin):
    response = client.get("/api/v1/", HTTP_ORIGIN="https://evil.example")
    assert "Access-Control-Allow-Origin" not in response


def test_a_front_end_on_a_listed_origin_may_send_the_session_token(client, listed_origin):
    preflight = client.options(
        "/api/v1/me/", HTTP_ORIGIN=FRONTEND, HTTP_ACCESS_CONTROL_REQUEST_METHOD="PATCH",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="content-type, x-session-token")
    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Origin"] == FRONTEND
    allowed = {h.strip() for h in preflight["Access-Control-Allow-Headers"].split(",")}
    assert {"x-session-token", "content-type", "idempotency-key"} <= allowed
    assert "PATCH" in preflight["Access-Control-Allow-Methods"]

    token = session_token_for(UserFactory())
    me = client.get("/api/v1/me/", HTTP_ORIGIN=FRONTEND, HTTP_X_SESSION_TOKEN=token)
    assert me.status_code == 200
    assert me["Access-Control-Allow-Origin"] == FRONTEND


def test_personal_responses_are_never_stored_by_a_cache(client):
    token = session_token_for(UserFactory())
    me = client.get("/api/v1/me/", HTTP_X_SESSION_TOKEN=token)
    assert me.status_code == 200
    assert "no-store" in me["Cache-Control"] and "private" in me["Cache-Control"]
    assert "X-Session-Token" in me["Vary"]
    public = client.get("/api/v1/communities/")
    assert "no-store" not in public.get("Cache-Control", "")


def test_csp_of_the_api_the_docs_page_and_the_admin(client):
    assert policy_of(client.get("/api/v1/")) == API_POLICY

    docs = client.get("/api/v1/docs/")
    assert docs.status_code == 200
    policy = policy_of(docs)
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"  # no inline script: the split Swagger view
    assert policy["connect-src"] == "'self'" and policy["frame-ancestors"] == "'none'"
    assert "<script>" not in docs.content.decode().replace("<script src", "")
    script = client.get("/api/v1/docs/?script=")
    assert script.status_code == 200 and script["Content-Type"].startswith(
        "application/javascript")

    admin = client.get("/admin/login/")
    assert admin.status_code == 200
    policy = admin["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "http" not in policy  # self-hosted only: no third-party origin


def test_check_deploy_is_clean_with_the_production_variables():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "a-production-secret-key-long-and-random-enough-for-django-checks-0123456789",
    "ALLOWED_HOSTS": "stent.example",
    "CORS_ALLOWED_ORIGINS": FRONTEND,
    "EMAIL_URL": "smtp://mail.stent.example:587",
    "DATABASE_URL": "sqlite:///:memory:",
}
