"""One circle link per pair, under real parallel invitations (PostgreSQL)."""
from core.errors import Conflict
from core.identity.models import CircleMembership
from core.identity import circles
from tests.concurrency import POSTGRESQL_ONLY, run_in_parallel
from tests.factories import UserFactory

pytestmark = POSTGRESQL_ONLY


def test_parallel_invitations_make_one_link_and_conflicts():
    owner, invitee = UserFactory(), UserFactory()
    handle = invitee.profile.handle
    outcomes = run_in_parallel(lambda: circles.invite(owner, handle, "relative"), 6)
    created = [o for o in outcomes if isinstance(o, CircleMembership)]
    conflicts = [o for o in outcomes if isinstance(o, Conflict)]
    assert (len(created), len(conflicts)) == (1, 5)
    assert CircleMembership.objects.filter(owner=owner, member=invitee).count() == 1


def test_parallel_answers_answer_once():
    owner, invitee = UserFactory(), UserFactory()
    CircleMembership.objects.create(owner=owner, member=invitee, relation="relative")
    outcomes = run_in_parallel(lambda: circles.answer(invitee, owner.profile.handle, True), 4)
    assert sum(isinstance(o, CircleMembership) for o in outcomes) == 1
    assert sum(isinstance(o, Conflict) for o in outcomes) == 3
