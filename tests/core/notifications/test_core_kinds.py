"""Notifications sent by other core apps: circle invitations and verification outcomes."""
import pytest
from django.core import mail

from core.identity import services as identity
from core.identity.models import Profile, VerificationRequest
from core.notifications.kinds import all_kinds
from core.notifications.models import Notification
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_invitee_of_a_circle_is_notified_in_their_language(
        api_client, django_capture_on_commit_callbacks):
    owner, invitee = UserFactory(), UserFactory()
    Profile.objects.filter(user=invitee).update(language="fr")
    api_client.force_authenticate(owner)
    with django_capture_on_commit_callbacks(execute=True):
        response = api_client.post("/api/v1/me/circle/", {"handle": invitee.profile.handle,
                                                           "relation": "caregiver"})
    assert response.status_code == 201
    notification = Notification.objects.get()
    assert (notification.recipient, notification.kind, notification.url) == (
        invitee, "privacy.circle_invitation", "/me/circle/")
    assert notification.title == f"{owner.profile.handle} vous invite dans son cercle"
    assert [m.to for m in mail.outbox] == [[invitee.email]]  # e-mailed by default
    # A second invitation is refused (409) and sends nothing more.
    assert api_client.post("/api/v1/me/circle/", {"handle": invitee.profile.handle,
                                                  "relation": "caregiver"}).status_code == 409
    assert Notification.objects.count() == 1


def verification(member, **fields):
    return VerificationRequest.objects.create(member=member, registry="rpps",
                                              registry_number="10101234567",
                                              document="verification/x.pdf", **fields)


@pytest.mark.parametrize("approve", [True, False])
def test_the_verification_outcome_is_notified_and_always_emailed(
        approve, django_capture_on_commit_callbacks):
    member = UserFactory()
    # Even a member who turned every e-mail off must learn the outcome.
    assert all_kinds()["identity.verification"].security
    request = verification(member)
    with django_capture_on_commit_callbacks(execute=True):
        identity.decide_verification(request, reviewer=UserFactory(), approve=approve,
                                     reason="" if approve else "The number does not match.")
    notification = Notification.objects.get(recipient=member)
    assert notification.kind == "identity.verification"
    assert ("verified" in notification.title) is approve
    assert ("does not match" in notification.body) is not approve
    assert [m.to for m in mail.outbox] == [[member.email]]
    assert mail.outbox[0].subject == notification.title


def test_community_and_moderation_notifications_speak_the_recipients_language():
    from core.communities import services as communities
    from core.communities.models import Community, Membership
    from core.moderation import sanctions
    from django.contrib.auth.models import Permission
    from tests.factories import CommunityFactory, MembershipFactory

    french, english = UserFactory(), UserFactory()
    Profile.objects.filter(user=french).update(language="fr")
    french.profile.refresh_from_db()
    community = CommunityFactory(name="Crohn", joining_policy=Community.JoiningPolicy.APPROVAL)
    moderator = MembershipFactory(community=community, role=Membership.Role.MODERATOR).member
    for member in (french, english):
        communities.join(community, member)
        communities.approve(community, moderator, member)
    site_moderator = UserFactory(is_staff=True)
    site_moderator.user_permissions.add(Permission.objects.get(codename="moderate"))
    sanctions.warn(site_moderator, french, reason="Merci de rester courtois.")
    titles = {(n.recipient, n.title) for n in Notification.objects.exclude(recipient=moderator)}
    assert titles == {(french, "Bienvenue dans Crohn"), (english, "Welcome to Crohn"),
                      (french, "Un avertissement des modérateurs")}
