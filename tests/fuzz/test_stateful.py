"""Stateful fuzzing: a signed-in member calls the operations of the plugins with a create -> read
flow (petitions, polls and surveys, events, listings, campaigns) and follows the links
schemathesis infers from the schema (939 today: a created resource's `id` into the operations
that take it), every step checked like the stateless test. Bounded (15 scenarios of at most 6
steps in CI, 150 in `make fuzz`) so that it fits in CI.

Limit: with schema-valid random bodies, creations rarely pass the domain rules (an existing
community slug, dates in the future...), so few scenarios get a resource to follow; seeding the
member's world and feeding its values to the generator is the next step."""
from collections import Counter

from django.db import transaction
from hypothesis import HealthCheck, settings

from tests.fuzz.conftest import EXAMPLES, fuzz_config, load_schema, record, session_token_for
from tests.fuzz.test_schemathesis import CHECKS

#: the plugins whose create -> read flows the scenarios follow
FLOWS = r"^/api/v1/(petitions|polls|agenda|exchange|crowdfunding)/"
STEPS = 6


def test_a_member_follows_the_links_between_operations(db, raw_schema, member,
                                                       _keep_the_test_connection):
    # Valid inputs only: a step with a wrong type is refused and creates nothing to follow.
    schema = load_schema(raw_schema, fuzz_config(
        phases={"stateful": {"generation": {"mode": "positive"}}},
    )).include(path_regex=FLOWS)
    token = session_token_for(member)
    workflow = schema.as_state_machine()
    links = sum(len(entry.incoming) for entry in workflow._transitions.operations.values())
    assert links, "no link between the operations: the stateful run would only repeat the roots"
    steps = Counter()

    class Member(workflow):
        def setup(self):
            super().setup()
            # Every scenario starts from the same world: what it wrote is rolled back at its
            # end. Hypothesis replays the choices of earlier scenarios and refuses a run whose
            # rules depend on what another scenario left (a feed or a venue still there).
            self.scenario = transaction.atomic()
            self.scenario.__enter__()

        def teardown(self):
            transaction.set_rollback(True)
            self.scenario.__exit__(None, None, None)
            super().teardown()

        def step(self, input):
            output = super().step(input)
            if input.transition is not None and input.is_applied:
                steps["followed"] += 1
                steps["followed, 2xx"] += 200 <= output.response.status_code < 300
            return output

        def get_call_kwargs(self, case):
            record("stateful member", case)
            return {"headers": {"X-Session-Token": token}}

        def validate_response(self, response, case, additional_checks=None, **kwargs):
            case.validate_response(response, checks=CHECKS, transport_kwargs=kwargs)

    Member.run(settings=settings(
        max_examples=EXAMPLES * 5, stateful_step_count=STEPS, deadline=None, database=None,
        derandomize=True, suppress_health_check=list(HealthCheck), report_multiple_bugs=False,
    ))
    print(f"\nstateful: {links} inferred links, {steps['followed']} steps followed one "
          f"({steps['followed, 2xx']} answered 2xx)")
