"""Every operation of the published schema, fuzzed anonymously and as a member: no 5xx, and
every response matches the schema (status documented, body and headers shaped as published,
405 for an undeclared method). New endpoints (a plugin's) are fuzzed as soon as they are in
the schema."""
import schemathesis
from django.contrib.sessions.backends.db import SessionStore
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance, response_headers_conformance, response_schema_conformance,
    status_code_conformance, unsupported_method)

from tests.fuzz.conftest import PATHS, record, session_token_for

schema = schemathesis.pytest.from_fixture("api_schema")
anonymous_schema = schemathesis.pytest.from_fixture("anonymous_schema")
if PATHS:  # `make fuzz FUZZ_PATHS=petitions` runs one group of operations
    schema = schema.include(path_regex=PATHS)
    anonymous_schema = anonymous_schema.include(path_regex=PATHS)
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance, response_headers_conformance, unsupported_method]


@anonymous_schema.parametrize()
def test_anonymous_visitor(case):
    record("anonymous", case)
    case.call_and_validate(checks=CHECKS)


@schema.parametrize()
def test_signed_in_member(case, member):
    token = getattr(member, "_fuzz_token", None)
    if token is None or not SessionStore().exists(token):  # a fuzzed logout ends the session
        token = member._fuzz_token = session_token_for(member)
    record("member", case)
    case.call_and_validate(headers={"X-Session-Token": token}, checks=CHECKS)
