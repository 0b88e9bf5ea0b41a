"""/healthz reports how many background tasks wait for a worker (database backend)."""
import pytest
from django.test import override_settings

from core.notifications.tasks import send_notification_email

pytestmark = pytest.mark.django_db


def test_healthz_reports_the_queue_depth_of_the_database_backend(client):
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        assert client.get("/healthz").json()["tasks"] == {"queued": 0}
        send_notification_email.enqueue("0b5e7c1e-56a3-4d5b-9f26-3c1d2b8c9a01")
        send_notification_email.enqueue("1c6f8d2f-67b4-4e6c-8a37-4d2e3c9dab12")
        body = client.get("/healthz").json()
    assert body == {"status": "ok", "checks": {"database": "ok"}, "tasks": {"queued": 2}}


def test_healthz_says_nothing_of_a_queue_with_the_immediate_backend(client):
    assert "tasks" not in client.get("/healthz").json()
