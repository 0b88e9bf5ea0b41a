"""Export and erasure of what moderation, communities and notifications hold about a member."""
import pytest

from core.communities.privacy import MembershipHandler
from core.moderation.models import Block, ModerationAction, Report
from core.moderation.privacy import BlockHandler, ReportsHandler
from core.notifications.models import Notification, NotificationPreference
from core.notifications.privacy import NotificationsHandler
from tests.factories import CommunityFactory, MembershipFactory, UserFactory
from tests.testapp.models import Note

pytestmark = pytest.mark.django_db


@pytest.fixture
def member_data(site_moderator):
    from django.contrib.contenttypes.models import ContentType

    member = UserFactory()
    note = Note.objects.create(owner=UserFactory(), title="reported")
    report = Report.objects.create(reporter=member, target_type=ContentType.objects.get_for_model(
        Note), target_id=str(note.pk), reason="spam", comment="My own words about it")
    ModerationAction.objects.create(kind="warn", moderator=site_moderator, member=member,
                                    reason="You wrote: something rude")
    community = CommunityFactory(slug="crohn")
    MembershipFactory(community=community, member=member, shown_on_profile=True)
    community.associations.add(member)
    other = UserFactory()
    Block.objects.create(blocker=member, blocked=other)
    Notification.objects.create(recipient=member, kind="x.y", title="Hello")
    NotificationPreference.objects.create(member=member, kind="x.y", email=True)
    return member, report, other


def test_export_holds_everything_the_member_put_in(member_data):
    member, report, other = member_data
    reports = ReportsHandler().export(member)
    assert [(r["reason"], r["comment"]) for r in reports["reports"]] == [
        ("spam", "My own words about it")]
    assert [d["action"] for d in reports["decisions_about_me"]] == ["warn"]
    communities = MembershipHandler().export(member)
    assert [m["slug"] for m in communities["memberships"]] == ["crohn"]
    assert communities["animated_communities"] == ["crohn"]
    assert BlockHandler().export(member)["blocked"][0]["handle"] == other.profile.handle
    notifications = NotificationsHandler().export(member)
    assert [n["title"] for n in notifications["notifications"]] == ["Hello"]
    assert notifications["email_preferences"] == {"x.y": True}


def test_erasure_leaves_none_of_the_members_strings_but_keeps_the_history(member_data):
    member, report, _ = member_data
    for handler in (ReportsHandler, MembershipHandler, BlockHandler, NotificationsHandler):
        handler().erase(member)
    report.refresh_from_db()
    assert (report.reporter, report.comment, report.reason) == (None, "", "spam")
    action = ModerationAction.objects.get()
    assert (action.member, action.reason) == (None, "")
    assert not member.community_memberships.exists()
    assert not member.animated_communities.exists()
    assert not Block.objects.exists()
    assert not Notification.objects.exists() and not NotificationPreference.objects.exists()
    member.delete()  # nothing left blocks the account's deletion
    assert Report.objects.count() == 1
