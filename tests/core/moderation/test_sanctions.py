"""Warnings, suspensions and site-wide blocks of members, by the site's moderators only."""
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from core.moderation.models import ModerationAction
from core.moderation.sanctions import lift_expired_suspensions
from core.notifications.models import Notification
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def sanction(api_client, member, what, **data):
    return api_client.post(f"/api/v1/moderation/members/{member.profile.handle}/{what}/", data)


def test_warning_a_member(api_client, site_moderator, django_capture_on_commit_callbacks):
    member = UserFactory()
    api_client.force_authenticate(site_moderator)
    with django_capture_on_commit_callbacks(execute=True):
        response = sanction(api_client, member, "warn", reason="Please be kind.")
    assert response.json() == {"action": "warn", "handle": member.profile.handle,
                               "until": None, "is_active": True}
    notification = Notification.objects.get(recipient=member)
    assert (notification.kind, notification.body) == ("moderation.warning", "Please be kind.")
    assert [m.to for m in mail.outbox] == [[member.email]]  # e-mailed by default


def test_suspension_deactivates_emails_and_is_lifted_when_it_ends(
        api_client, site_moderator, django_capture_on_commit_callbacks):
    member = UserFactory()
    api_client.force_authenticate(site_moderator)
    with django_capture_on_commit_callbacks(execute=True):
        response = sanction(api_client, member, "suspend", reason="Spam", days=7)
    assert response.status_code == 200 and response.json()["is_active"] is False
    member.refresh_from_db()
    assert member.is_active is False
    assert mail.outbox[0].subject.startswith("Your account is suspended until")
    assert lift_expired_suspensions() == 0
    assert lift_expired_suspensions(now=timezone.now() + timedelta(days=8)) == 1
    member.refresh_from_db()
    assert member.is_active is True
    assert list(ModerationAction.objects.order_by("created_at").values_list("kind", flat=True)
                ) == ["suspend", "reinstate"]


def test_a_blocked_account_is_not_lifted(api_client, site_moderator):
    member = UserFactory()
    api_client.force_authenticate(site_moderator)
    sanction(api_client, member, "suspend", reason="Spam", days=1)
    sanction(api_client, member, "block", reason="Spam again")
    assert lift_expired_suspensions(now=timezone.now() + timedelta(days=2)) == 0
    member.refresh_from_db()
    assert member.is_active is False
    assert sanction(api_client, member, "reinstate").json()["is_active"] is True


@pytest.mark.parametrize("data, errors", [
    ({"reason": "x", "days": 0}, {"days": ["Ensure this value is greater than or equal to 1."]}),
    ({"reason": "x", "days": 366},
     {"days": ["Ensure this value is less than or equal to 365."]}),
    ({"reason": "x", "days": "soon"}, {"days": ["A valid integer is required."]}),
    ({"days": 3}, {"reason": ["This field is required."]}),
])
def test_bad_suspensions_are_refused(api_client, site_moderator, data, errors):
    member = UserFactory()
    api_client.force_authenticate(site_moderator)
    response = sanction(api_client, member, "suspend", **data)
    assert (response.status_code, response.json()) == (400, errors)
    member.refresh_from_db()
    assert member.is_active and not ModerationAction.objects.exists()


def test_only_site_moderators_sanction_and_not_themselves(api_client, site_moderator,
                                                          community_moderator):
    member = UserFactory()
    api_client.force_authenticate(community_moderator)
    assert sanction(api_client, member, "block", reason="x").status_code == 403
    api_client.force_authenticate(site_moderator)
    assert sanction(api_client, site_moderator, "block", reason="x").json() == {
        "handle": ["You cannot sanction yourself."]}
    other_moderator = UserFactory(is_superuser=True)
    assert sanction(api_client, other_moderator, "block", reason="x").status_code == 403
    member.refresh_from_db()
    assert member.is_active and not ModerationAction.objects.exists()
