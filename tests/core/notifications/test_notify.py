"""notify(): in-app notification, e-mail by preference, never about content one may not see."""
import pytest
from django.core import mail
from django.utils import timezone

from core.notifications.kinds import UnknownNotificationKind, all_kinds
from core.notifications.models import Notification, NotificationPreference
from core.notifications.services import notify
from core.privacy.audiences import Audience
from tests.factories import UserFactory
from tests.testapp.models import Note

pytestmark = pytest.mark.django_db


def test_hook_stent_notification_kinds_declares_kinds_of_every_plugin():
    kinds = all_kinds()
    assert kinds["tests.ping"].label == "A ping"
    assert kinds["tests.security"].security is True
    assert "communities.join_requested" in kinds  # the core declares its own too


def test_notify_creates_an_in_app_notification_without_email_by_default(
        django_capture_on_commit_callbacks):
    member = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        notification = notify(member, "tests.ping", title="Hello", body="Some text", url="/x/")
    assert Notification.objects.get() == notification
    assert (notification.recipient, notification.kind, notification.read_at) == (
        member, "tests.ping", None)
    assert mail.outbox == []


def test_email_follows_the_preference(django_capture_on_commit_callbacks):
    member = UserFactory()
    NotificationPreference.objects.create(member=member, kind="tests.ping", email=True)
    NotificationPreference.objects.create(member=member, kind="tests.digest", email=False)
    with django_capture_on_commit_callbacks(execute=True):
        notify(member, "tests.ping", title="Wanted", body="Body", url="/communities/x/")
        notify(member, "tests.digest", title="Turned off")
    assert [(m.subject, m.to) for m in mail.outbox] == [("Wanted", [member.email])]
    wanted = Notification.objects.get(title="Wanted")
    # The link is its kind's page (core/notifications/links.py), not the API path it names.
    assert mail.outbox[0].body == f"Body\n\nhttp://127.0.0.1:8000/api/v1/notifications/{wanted.pk}/"
    assert Notification.objects.get(title="Wanted").emailed_at is not None


def test_email_by_default_kinds_and_security_kinds_are_emailed(
        django_capture_on_commit_callbacks):
    member = UserFactory()
    NotificationPreference.objects.create(member=member, kind="tests.security", email=False)
    with django_capture_on_commit_callbacks(execute=True):
        notify(member, "tests.digest", title="Digest")
        notify(member, "tests.security", title="Security")
    assert sorted(m.subject for m in mail.outbox) == ["Digest", "Security"]


def test_no_email_if_the_transaction_rolls_back(django_capture_on_commit_callbacks):
    from django.db import transaction

    member = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            notify(member, "tests.security", title="Never sent")
            raise RuntimeError
    assert mail.outbox == [] and not Notification.objects.exists()


def test_nothing_is_sent_about_content_the_recipient_may_not_see():
    owner, other = UserFactory(), UserFactory()
    private = Note.objects.create(owner=owner, audience=Audience.PRIVATE, title="secret")
    hidden = Note.objects.create(owner=owner, audience=Audience.MEMBERS, title="hidden",
                                 hidden_at=timezone.now())
    shared = Note.objects.create(owner=owner, audience=Audience.MEMBERS, title="shared")
    assert notify(other, "tests.ping", title="x", target=private) is None
    assert notify(other, "tests.ping", title="x", target=hidden) is None
    assert notify(owner, "tests.ping", title="x", target=hidden) is not None
    notification = notify(other, "tests.ping", title="x", target=shared)
    assert (notification.target_type.model, notification.target_id) == ("note", str(shared.pk))
    assert Notification.objects.filter(recipient=other).count() == 1


def test_an_unknown_kind_is_a_programming_error():
    with pytest.raises(UnknownNotificationKind):
        notify(UserFactory(), "tests.nope", title="x")
