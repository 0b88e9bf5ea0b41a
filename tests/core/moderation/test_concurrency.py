"""One membership, one open report, one block: the rules hold under real parallel requests."""
import pytest

from core.errors import Conflict
from core.communities import services as communities
from core.communities.models import Community, Membership
from core.moderation import services
from core.moderation.models import Block, Report
from core.privacy.audiences import Audience
from tests.concurrency import POSTGRESQL_ONLY, run_in_parallel
from tests.factories import CommunityFactory, UserFactory
from tests.testapp.models import Note

pytestmark = POSTGRESQL_ONLY


def created_and_conflicts(outcomes, model):
    return (sum(isinstance(o, model) for o in outcomes),
            sum(isinstance(o, Conflict) for o in outcomes), len(outcomes))


@pytest.mark.parametrize("policy", [Community.JoiningPolicy.OPEN,
                                    Community.JoiningPolicy.APPROVAL])
def test_parallel_joins_give_one_membership(policy):
    community, member = CommunityFactory(joining_policy=policy), UserFactory()
    outcomes = run_in_parallel(lambda: communities.join(community, member), 6)
    assert created_and_conflicts(outcomes, Membership) == (1, 5, 6)
    assert Membership.objects.filter(community=community, member=member).count() == 1


def test_parallel_reports_give_one_open_report():
    reporter = UserFactory()
    note = Note.objects.create(owner=UserFactory(), audience=Audience.MEMBERS, title="x")
    outcomes = run_in_parallel(
        lambda: services.report(reporter, Note, str(note.pk), reason="spam"), 6)
    assert created_and_conflicts(outcomes, Report) == (1, 5, 6)
    assert Report.objects.filter(reporter=reporter, state=Report.State.OPEN).count() == 1


def test_parallel_blocks_give_one_block():
    blocker, blocked = UserFactory(), UserFactory()
    outcomes = run_in_parallel(lambda: services.block(blocker, blocked), 6)
    assert created_and_conflicts(outcomes, Block) == (1, 5, 6)
    assert Block.objects.filter(blocker=blocker, blocked=blocked).count() == 1
