"""Acceptance 1: a notification e-mail enqueued by the app is sent by a real worker process."""
import pytest
from django.test import override_settings

from core.moderation.kinds import ACCOUNT_SUSPENDED
from core.notifications.models import Notification
from core.notifications.services import notify
from tests.core.runtime.processes import (REDIS_TEST_URL, redis_unreachable_reason, running,
                                          wait_until, with_shared_database)
from tests.factories import UserFactory

DELIVERY_BOUND = 30  # seconds from enqueueing to the message in the outbox, worker start included


def enqueue_security_notification():
    """A kind that is always e-mailed; ``notify`` enqueues the e-mail after the commit."""
    member = UserFactory(email="ada@stent.example")
    return notify(member, ACCOUNT_SUSPENDED, title="Your account was suspended")


def delivered_messages(outbox):
    return [path.read_text() for path in outbox.iterdir()] if outbox.exists() else []


@with_shared_database
def test_db_worker_sends_an_enqueued_notification_email(tmp_path):
    outbox = tmp_path / "outbox"
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        notification = enqueue_security_notification()
    from django_tasks_db.models import DBTaskResult

    assert DBTaskResult.objects.ready().count() == 1  # queued, not run in the request

    with running("db_worker", "--interval", "0.2", "--no-startup-delay", "--no-reload",
                 log_dir=tmp_path, TASKS_BACKEND="database",
                 EMAIL_URL=f"file:///{outbox}") as worker:
        messages = wait_until(lambda: delivered_messages(outbox), timeout=DELIVERY_BOUND)
    assert messages, f"no e-mail within {DELIVERY_BOUND} s; worker said:\n{worker.output}"
    assert "To: ada@stent.example" in messages[0]
    assert "Your account was suspended" in messages[0]
    notification.refresh_from_db()
    assert notification.emailed_at is not None
    assert DBTaskResult.objects.successful().count() == 1
    assert worker.returncode == 0, worker.output  # SIGTERM: a graceful stop


@pytest.fixture
def rq_backend():
    reason = redis_unreachable_reason()
    if reason:
        pytest.skip(reason)
    rq_settings = {"TASKS": {"default": {"BACKEND": "django_tasks_rq.RQBackend"}},
                   "RQ_QUEUES": {"default": {"URL": REDIS_TEST_URL}},
                   "RQ": {"JOB_CLASS": "django_tasks_rq.backend.Job"}}
    with override_settings(**rq_settings):
        import django_rq

        django_rq.get_queue("default").empty()
        yield django_rq.get_queue("default")
        django_rq.get_queue("default").empty()


@with_shared_database
def test_rq_worker_sends_an_enqueued_notification_email(tmp_path, rq_backend):
    outbox = tmp_path / "outbox"
    notification = enqueue_security_notification()
    assert rq_backend.count == 1

    with running("rqworker", "default", log_dir=tmp_path, TASKS_BACKEND="rq",
                 REDIS_URL=REDIS_TEST_URL, EMAIL_URL=f"file:///{outbox}") as worker:
        messages = wait_until(lambda: delivered_messages(outbox), timeout=DELIVERY_BOUND)
    assert messages, f"no e-mail within {DELIVERY_BOUND} s; worker said:\n{worker.output}"
    assert "To: ada@stent.example" in messages[0]
    assert Notification.objects.get(pk=notification.pk).emailed_at is not None
    assert rq_backend.count == 0


@pytest.mark.django_db(transaction=True)
def test_the_immediate_backend_still_sends_at_once_in_development(mailoutbox):
    enqueue_security_notification()
    assert [message.to for message in mailoutbox] == [["ada@stent.example"]]
