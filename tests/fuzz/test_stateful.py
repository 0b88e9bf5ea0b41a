"""Stateful fuzzing: a signed-in member creates petitions, polls, surveys, events, listings and
campaigns and follows the links schemathesis infers from the schema (a created resource's `id`
into the operations that take it: read, update, sign, vote, delete...). Every response of every
step gets the checks of the stateless test. Bounded (a few scenarios of a few steps) so that it
fits in CI; `make fuzz` runs ten times as many scenarios."""
from hypothesis import HealthCheck, settings

from tests.fuzz.conftest import EXAMPLES, record, session_token_for
from tests.fuzz.test_schemathesis import CHECKS

#: the plugins whose create -> read flows the scenarios follow
FLOWS = r"^/api/v1/(petitions|polls|agenda|exchange|crowdfunding)/"
STEPS = 8


def test_a_member_follows_the_links_between_operations(api_schema, member):
    schema = api_schema.include(path_regex=FLOWS)
    token = session_token_for(member)
    workflow = schema.as_state_machine()
    links = sum(len(entry.incoming) for entry in workflow._transitions.operations.values())
    assert links, "no link between the operations: the stateful run would only repeat the roots"

    class Member(workflow):
        def get_call_kwargs(self, case):
            record("stateful member", case)
            return {"headers": {"X-Session-Token": token}}

        def validate_response(self, response, case, additional_checks=None, **kwargs):
            case.validate_response(response, checks=CHECKS, transport_kwargs=kwargs)

    Member.run(settings=settings(
        max_examples=EXAMPLES * 2, stateful_step_count=STEPS, deadline=None, database=None,
        derandomize=True, suppress_health_check=list(HealthCheck), report_multiple_bugs=False,
    ))
