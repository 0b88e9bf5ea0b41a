"""Every moderation decision leaves a line in the audit log: who, what, about whom, on what."""
import pytest

from core.communities import services as communities
from core.communities.models import Community, Membership
from core.errors import NotFound
from core.moderation import sanctions, services
from core.moderation.models import Report
from core.privacy.audiences import Audience
from core.privacy.models import AuditEntry
from tests.factories import MembershipFactory, UserFactory
from tests.testapp.models import Note

pytestmark = pytest.mark.django_db


def audit_lines():
    return [(entry.actor, entry.action, entry.subject, entry.target_id)
            for entry in AuditEntry.objects.order_by("created_at")]


def test_content_decisions_are_audited(site_moderator):
    owner, reporter = UserFactory(), UserFactory()
    note = Note.objects.create(owner=owner, audience=Audience.PUBLIC, title="Miracle cure")
    services.hide(site_moderator, Note, str(note.pk), reason="Dangerous advice")
    services.restore(site_moderator, Note, str(note.pk))
    report = services.report(reporter, Note, str(note.pk), reason="spam")
    services.dismiss(site_moderator, report.pk)
    note_id = str(note.pk)
    assert audit_lines() == [
        (site_moderator, "moderation.hide", owner, note_id),
        (site_moderator, "moderation.restore", owner, note_id),
        (site_moderator, "moderation.dismiss", owner, note_id)]
    assert Report.objects.get().state == Report.State.DISMISSED
    # The reason may quote the member: the audit line does not copy it.
    assert not AuditEntry.objects.filter(detail__contains="Dangerous").exists()


def test_sanctions_are_audited(site_moderator):
    member = UserFactory()
    sanctions.warn(site_moderator, member, reason="Be kind")
    sanctions.suspend(site_moderator, member, days=3, reason="Insults")
    sanctions.reinstate(site_moderator, member)
    sanctions.block_member(site_moderator, member, reason="Again")
    assert [action for _actor, action, _subject, _target in audit_lines()] == [
        "moderation.warn", "moderation.suspend", "moderation.reinstate", "moderation.block"]
    assert {(actor, subject) for actor, _action, subject, _t in audit_lines()} == {
        (site_moderator, member)}


def test_community_moderators_decisions_on_members_are_audited(community, community_moderator):
    member = MembershipFactory(community=community).member
    communities.set_role(community, community_moderator, member, Membership.Role.MODERATOR)
    communities.set_role(community, community_moderator, member, Membership.Role.MEMBER)
    communities.remove_member(community, community_moderator, member)
    assert audit_lines() == [
        (community_moderator, "communities.moderator_appointed", member, str(community.pk)),
        (community_moderator, "communities.moderator_revoked", member, str(community.pk)),
        (community_moderator, "communities.member_removed", member, str(community.pk))]
    entry = AuditEntry.objects.first()
    assert entry.target_type.model_class() is Community


def test_a_refused_decision_leaves_no_audit_line(community_moderator):
    note = Note.objects.create(owner=UserFactory(), audience=Audience.MEMBERS, title="x")
    with pytest.raises(NotFound):
        services.hide(community_moderator, Note, str(note.pk))  # not their community: 404
    assert AuditEntry.objects.count() == 0
