"""A signed-in token request reads its session once (allauth's default strategy read it twice:
an ``exists()`` then the load)."""
import pytest
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def signed_in_token(user):
    from importlib import import_module

    from django.conf import settings

    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return session.session_key


def session_reads(queries):
    return [query["sql"] for query in queries
            if "django_session" in query["sql"] and query["sql"].lstrip().upper().startswith(
                "SELECT")]


def test_a_token_request_reads_the_session_once(client):
    user = UserFactory()
    token = signed_in_token(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/v1/me/", HTTP_X_SESSION_TOKEN=token)
    assert response.status_code == 200
    assert response.json()["email"] == user.email
    assert len(session_reads(queries.captured_queries)) == 1


@pytest.mark.parametrize("token", ["unknown-session-key", ""])
def test_an_unknown_token_is_still_a_401(client, token):
    response = client.get("/api/v1/me/", HTTP_X_SESSION_TOKEN=token)
    assert response.status_code == 401
