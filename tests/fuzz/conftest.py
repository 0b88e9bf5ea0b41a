"""Fixtures of the fuzzing test: the schema loaded from the running app, a signed-in member."""
import os

import pytest
import schemathesis
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections

from tests.factories import UserFactory

from collections import Counter

SEED = 20261201
# A few examples per operation in CI; `make fuzz` runs ten times as many.
EXAMPLES = int(os.environ.get("STENT_FUZZ_EXAMPLES", "3"))


def fuzz_config():
    config = schemathesis.Config.from_dict({
        "seed": SEED,
        "generation": {"max-examples": EXAMPLES, "deterministic": True, "database": "none"},
    })
    return config


@pytest.fixture
def _keep_the_test_connection():
    """The fuzzer calls the WSGI app directly: like Django's test client, it must not let the
    end of each request close the connection holding the test's transaction (PostgreSQL)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def api_schema(db, settings, _keep_the_test_connection):
    # The fuzzer sends thousands of requests a minute: throttles would answer 429 to most.
    from rest_framework.throttling import SimpleRateThrottle

    SimpleRateThrottle.THROTTLE_RATES.update({"anon": None, "user": None})
    return schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json",
                                          get_wsgi_application(), config=fuzz_config())


@pytest.fixture
def member(db):
    from allauth.account.models import EmailAddress

    user = UserFactory(email="fuzzer@stent.example")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def session_token_for(user) -> str:
    """An allauth app-client session token (the session key of a signed-in session)."""
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return session.session_key


#: requests sent and operations covered, per actor, for the summary at the end of the run
SENT = Counter()
OPERATIONS = {}


def record(actor: str, case) -> None:
    SENT[actor] += 1
    OPERATIONS.setdefault(actor, set()).add(case.operation.label)


def pytest_terminal_summary(terminalreporter):
    for actor, count in sorted(SENT.items()):
        terminalreporter.write_line(
            f"fuzz ({actor}): {count} requests over {len(OPERATIONS[actor])} operations, "
            f"{EXAMPLES} examples per operation, seed {SEED}")
