"""Fixtures of the fuzzing test: the schema loaded from the running app, a signed-in member."""
import copy
import os
from collections import Counter

import pytest
import schemathesis
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections

from tests.factories import UserFactory

SEED = 20261201
# A few examples per operation in CI; `make fuzz` runs ten times as many.
EXAMPLES = int(os.environ.get("STENT_FUZZ_EXAMPLES", "3"))
#: a regular expression over the paths, to fuzz one group of operations (unset: all)
PATHS = os.environ.get("STENT_FUZZ_PATHS", "")


def fuzz_config(operations=(), **extra):
    """The run's settings; `operations` are per-operation overrides (schemathesis' format)."""
    config = schemathesis.Config.from_dict({
        "seed": SEED,
        "generation": {"max-examples": EXAMPLES, "deterministic": True, "database": "none"},
        "operations": list(operations),
        **extra,
    })
    return config


def member_only_operations(raw: dict) -> list[str]:
    """Labels ("POST /api/v1/...") of the operations whose security has no anonymous option."""
    methods = {"get", "put", "post", "patch", "delete", "head", "options", "trace"}
    return sorted(
        f"{method.upper()} {path}"
        for path, operations in raw["paths"].items()
        for method, operation in operations.items()
        if method in methods and {} not in operation.get("security", raw.get("security", [{}])))


@pytest.fixture
def _keep_the_test_connection():
    """The fuzzer calls the WSGI app directly: like Django's test client, it must not let the
    end of each request close the connection holding the test's transaction (PostgreSQL)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture(scope="session")
def raw_schema(django_db_setup, django_db_blocker):
    """The published schema, generated once for both actors (drf-spectacular takes seconds)."""
    from django.test import Client

    with django_db_blocker.unblock():
        response = Client().get("/api/v1/schema/?format=json")
    assert response.status_code == 200, response.content[:500]
    return response.json()


def load_schema(raw: dict, config) -> schemathesis.BaseSchema:
    # The fuzzer sends thousands of requests a minute: throttles would answer 429 to most.
    from rest_framework.throttling import SimpleRateThrottle

    SimpleRateThrottle.THROTTLE_RATES.update({"anon": None, "user": None})
    schema = schemathesis.openapi.from_dict(copy.deepcopy(raw), config=config)
    schema.app = get_wsgi_application()
    schema.location = "/api/v1/schema/?format=json"
    return schema


@pytest.fixture
def api_schema(db, raw_schema, _keep_the_test_connection):
    """The whole schema, every phase: what a signed-in member is fuzzed with."""
    return load_schema(raw_schema, fuzz_config())


@pytest.fixture
def anonymous_schema(db, raw_schema, _keep_the_test_connection):
    """The schema for the anonymous visitor. On an operation for members only every request is
    refused by authentication before any input is read, so the coverage phase (tens of boundary
    and wrong-type cases per operation, most of the run) would only draw the same 401 again:
    those operations get the examples and fuzzing phases, still checked in full; the operations
    a visitor may call get every phase."""
    members_only = member_only_operations(raw_schema)
    return load_schema(raw_schema, fuzz_config([
        {"include-name": members_only, "phases": {"coverage": {"enabled": False}}},
    ] if members_only else []))


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
PHASES = Counter()
OPERATIONS = {}


def record(actor: str, case) -> None:
    SENT[actor] += 1
    phase = getattr(getattr(case.meta, "phase", None), "name", None)
    PHASES[actor, getattr(phase, "value", phase) or "explicit"] += 1
    OPERATIONS.setdefault(actor, set()).add(case.operation.label)


def pytest_terminal_summary(terminalreporter):
    for actor, count in sorted(SENT.items()):
        terminalreporter.write_line(
            f"fuzz ({actor}): {count} requests over {len(OPERATIONS[actor])} operations, "
            f"{EXAMPLES} examples per operation, seed {SEED} ("
            + ", ".join(f"{phase} {n}" for (who, phase), n in sorted(PHASES.items())
                        if who == actor) + ")")
