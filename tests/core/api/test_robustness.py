"""Regression tests of issue 16: each defect group found by fuzzing, as a request that used to
answer 500 (or lie about its shape) and must now get a clear 4xx in the documented shape."""
import json

import pytest
from django.contrib.sessions.backends.db import SessionStore

from tests.factories import CommunityFactory, UserFactory
from tests.fuzz.conftest import session_token_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def member_auth():
    return {"HTTP_X_SESSION_TOKEN": session_token_for(UserFactory())}


# 1. NUL bytes: refused before they reach the database (PostgreSQL text cannot hold them).
@pytest.mark.parametrize("url", [
    "/api/v1/petitions/?search=a%00b", "/api/v1/petitions/?tag=a%00b",
    "/api/v1/petitions/?community=a%00b", "/api/v1/members/a%00b/", "/api/v1/petitions/a%00b/",
    "/api/v1/search/?q=a%00b", "/api/v1/pages/?search=a%00b",
    "/api/v1/communities/?language=a%00b",
])
def test_a_nul_byte_in_the_url_is_a_400(client, url):
    response = client.get(url)
    assert response.status_code == 400, response.content
    assert "Null characters are not allowed." in json.dumps(response.json())


def test_a_nul_byte_in_a_json_body_is_a_400_and_nothing_is_stored(client, member_auth):
    from plugins.petitions.models import Petition

    CommunityFactory(slug="asthma")
    created = client.post("/api/v1/petitions/", {"title": "T", "text": "x", "target": "y",
                                                 "community": "asthma\u0000"},
                          content_type="application/json", **member_auth)
    assert created.status_code == 400
    assert created.json() == {"detail": "Null characters are not allowed."}
    assert not Petition.objects.exists()
    patched = client.patch("/api/v1/me/", {"conditions": ["a\u0000"]},
                           content_type="application/json", **member_auth)
    assert patched.status_code == 400


# 2 and 3. Wagtail's API parameters: an unknown operator, an offset past the integers.
@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
@pytest.mark.parametrize("query", ["search=a&search_operator=x",
                                   "offset=99999999999999999999", "limit=-1", "offset=1e3",
                                   "child_of=99999999999999999999"])
def test_wagtail_parameter_errors_are_400s(client, endpoint, query):
    response = client.get(f"/api/v1/{endpoint}/?{query}")
    assert response.status_code == 400, response.content
    assert set(response.json()) == {"detail"}


# 4. Double quotes in a search (an FTS5 syntax error on SQLite).
@pytest.mark.parametrize("url", ["/api/v1/search/?q=%22a", "/api/v1/pages/?search=%22a",
                                 "/api/v1/search/?q=a%22%20OR%20%22b"])
def test_quotes_in_a_search_are_just_text(client, url):
    assert client.get(url).status_code == 200


# 5. Deeply nested JSON, on DRF's views and allauth's.
@pytest.mark.parametrize("url", ["/api/v1/petitions/", "/api/v1/auth/app/v1/auth/login"])
def test_json_nested_a_thousand_levels_deep_is_a_400(client, url):
    body = "[" * 1000 + "]" * 1000
    response = client.post(url, body, content_type="application/json")
    assert response.status_code == 400
    assert "nested more than 32 levels" in response.json()["detail"]


# Found by `make fuzz`: an integer past 64 bits in a JSON body (allauth's session ids).
@pytest.mark.parametrize("number", [2**63, -(2**63) - 1, 99999999999999999999])
def test_an_integer_past_64_bits_in_a_json_body_is_a_400(client, member_auth, number):
    response = client.delete("/api/v1/auth/app/v1/auth/sessions",
                             json.dumps({"sessions": [number]}),
                             content_type="application/json", **member_auth)
    assert response.status_code == 400, response.content
    assert "too large" in response.json()["detail"]
    largest = client.delete("/api/v1/auth/app/v1/auth/sessions",
                            json.dumps({"sessions": [2**63 - 1]}),
                            content_type="application/json", **member_auth)
    assert largest.status_code == 400  # an unknown session id, said by allauth
    assert largest.json()["errors"][0]["param"] == "sessions"


# 6. allauth's phone endpoints: not mounted, not in the schema.
def test_phone_endpoints_are_gone_from_urls_and_schema(client, member_auth):
    assert client.get("/api/v1/auth/app/v1/account/phone", **member_auth).status_code == 404
    refused = client.generic("TRACE", "/api/v1/auth/app/v1/account/phone")
    assert refused.status_code == 404
    paths = client.get("/api/v1/schema/?format=json").json()["paths"]
    assert not [path for path in paths if "/phone" in path]


# 7. OPTIONS on an export (CSV renderer) and on a view with no serializer.
def test_options_never_fails(client, member_auth):
    for url in ("/api/v1/petitions/00000000-0000-0000-0000-000000000000/export/?format=csv",
                "/api/v1/petitions/whatever/promoters/decline/"):
        response = client.options(url, **member_auth)
        assert response.status_code == 200, (url, response.content)
        assert response["Content-Type"].startswith("application/json")


def test_an_unknown_export_format_is_a_400_naming_the_formats(client, member_auth):
    response = client.get("/api/v1/petitions/some-slug/export/?format=xml", **member_auth)
    assert response.status_code == 400
    assert response.json() == {"format": ["Unknown format. Available formats: json, csv."]}


# 8. Schema mismatches.
def test_allauth_errors_keep_allauth_shape(client):
    csrf_refused = client.post("/api/v1/auth/browser/v1/auth/reauthenticate", {},
                               content_type="application/json", enforce_csrf_checks=True)
    unknown_client = client.get("/api/v1/auth/AAA/v1/account/authenticators/totp")
    for response, status in ((unknown_client, 400),):
        assert response.status_code == status
        assert response.json()["status"] == status
    assert csrf_refused.json().get("status") == csrf_refused.status_code


def test_pending_circle_invitation_documents_a_null_answered_at(client):
    schema = client.get("/api/v1/schema/?format=json").json()
    circle = next(component for name, component in schema["components"]["schemas"].items()
                  if "answered_at" in component.get("properties", {})
                  and "relation" in component.get("properties", {}))
    assert circle["properties"]["answered_at"]["nullable"] is True


def test_dates_out_of_a_sane_range_are_refused(client, member_auth):
    CommunityFactory(slug="asthma")
    response = client.post("/api/v1/petitions/", {
        "title": "Old", "text": "x", "target": "y", "community": "asthma",
        "closes_at": "1800-01-01T00:00:00Z"}, content_type="application/json", **member_auth)
    assert response.status_code == 400
    assert "closes_at" in response.json()


def test_every_operation_documents_its_errors_with_the_shared_component(client):
    schema = client.get("/api/v1/schema/?format=json").json()
    assert "ErrorResponse" in schema["components"]["schemas"]
    lacking = []
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            if method in {"parameters", "summary", "description", "servers"}:
                continue
            documented = set(operation["responses"])
            if not {"400", "401", "403", "404", "429"} <= documented:
                lacking.append(f"{method.upper()} {path}")
    assert lacking == []


# 9. Rewritten errors keep the security and CORS headers (see test_headers.py for all of them).
def test_a_rewritten_404_keeps_the_security_headers(client):
    response = client.get("/api/v1/no-such-thing/")
    assert response.status_code == 404
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"]


# 11. Smaller ones.
def test_a_bad_session_token_is_a_401_saying_so(client):
    response = client.get("/api/v1/me/", HTTP_X_SESSION_TOKEN="not-a-session")
    assert response.status_code == 401
    assert response.json() == {"detail": "The session token is invalid or has expired."}


def test_an_expired_session_token_is_a_401(client):
    token = session_token_for(UserFactory())
    SessionStore(token).delete()
    assert client.get("/api/v1/me/", HTTP_X_SESSION_TOKEN=token).status_code == 401


def test_anonymous_requests_to_member_endpoints_are_401(client):
    response = client.get("/api/v1/me/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "X-Session-Token"


def test_a_body_over_the_limit_is_a_413_naming_it(client, settings):
    response = client.generic("POST", "/api/v1/petitions/", b"x",
                              content_type="application/json",
                              CONTENT_LENGTH=str(30 * 1024 * 1024))
    assert response.status_code == 413
    assert response.json() == {
        "detail": "The request body is larger than the limit of 1 MB (1048576 bytes)."}


def test_a_petition_text_has_a_maximum_length(client, member_auth):
    CommunityFactory(slug="asthma")
    response = client.post("/api/v1/petitions/", {
        "title": "Long", "text": "x" * 200_001, "target": "y", "community": "asthma"},
        content_type="application/json", **member_auth)
    assert response.status_code == 400
    assert "text" in response.json()


def test_trace_on_an_allauth_endpoint_is_a_405_listing_the_methods(client):
    response = client.generic("TRACE", "/api/v1/auth/app/v1/auth/login")
    assert response.status_code == 405
    assert "POST" in response["Allow"] and "TRACE" not in response["Allow"]
    assert response.json()["status"] == 405


def test_options_on_an_object_that_does_not_exist_is_not_a_server_error(client, member_auth):
    """Found by the fuzz test: OPTIONS describes a PUT by looking the object up, and a
    service's NotFound escaped DRF's metadata."""
    response = client.options("/api/v1/polls/surveys/0/responses/mine/", **member_auth)
    assert response.status_code < 500
