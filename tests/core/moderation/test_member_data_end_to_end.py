"""A member's communities, reports and notifications through export_member and erase_member."""
import json

import pytest
from django.core.serializers.json import DjangoJSONEncoder

from core.communities import services as communities
from core.communities.models import Community, Membership
from core.moderation import services as moderation
from core.moderation.models import Report
from core.notifications.models import Notification
from core.privacy.audiences import Audience
from core.privacy.services import erase_member, export_member
from tests.factories import CommunityFactory, MembershipFactory, UserFactory
from tests.testapp.models import Note

pytestmark = pytest.mark.django_db


@pytest.fixture
def active_member(site_moderator):
    """A member who joined two communities, reported a post and was told of the outcome."""
    member = UserFactory()
    open_one = CommunityFactory(slug="crohn")
    moderated = CommunityFactory(slug="ms", joining_policy=Community.JoiningPolicy.APPROVAL)
    moderator = MembershipFactory(community=moderated, role=Membership.Role.MODERATOR).member
    communities.join(open_one, member)
    communities.join(moderated, member)
    communities.approve(moderated, moderator, member)  # notifies the member
    note = Note.objects.create(owner=UserFactory(), audience=Audience.MEMBERS, title="Cure!")
    report = moderation.report(member, Note, str(note.pk), reason="misinformation",
                               comment="My neighbour's cousin wrote this")
    moderation.hide(site_moderator, Note, str(note.pk))  # the reporter is thanked
    return member, report


def test_the_export_holds_memberships_reports_and_notifications(active_member):
    member, report = active_member
    export = export_member(member)
    json.dumps(export, cls=DjangoJSONEncoder)  # the download is JSON
    memberships = export["communities"]["data"]["memberships"]
    assert [(m["slug"], m["status"]) for m in memberships] == [("crohn", "active"),
                                                                ("ms", "active")]
    reports = export["moderation_reports"]["data"]["reports"]
    assert [(r["id"], r["comment"], r["state"]) for r in reports] == [
        (report.target_id, "My neighbour's cousin wrote this", "actioned")]
    kinds = [n["kind"] for n in export["notifications"]["data"]["notifications"]]
    assert kinds == ["communities.request_approved", "moderation.report_resolved"]


def test_erasure_removes_memberships_personal_report_data_and_notifications(active_member):
    member, report = active_member
    erase_member(member)
    assert not Membership.objects.filter(community__slug="crohn").exists()
    assert list(Membership.objects.values_list("role", flat=True)) == ["moderator"]
    report.refresh_from_db()  # kept for the moderation history, without the reporter's data
    assert (report.reporter, report.comment, report.state) == (None, "", Report.State.ACTIONED)
    assert not Notification.objects.filter(kind__in=["communities.request_approved",
                                                     "moderation.report_resolved"]).exists()
    assert not Report.objects.filter(comment__contains="cousin").exists()
