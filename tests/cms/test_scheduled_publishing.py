"""Wagtail's scheduled publishing runs as a periodic job: one run of the jobs puts a page live."""
from datetime import timedelta

import pytest
from django.utils import timezone

from core import periodic
from tests.cms.factories import make_article, make_site_tree

pytestmark = pytest.mark.django_db


def test_hook_stent_periodic_tasks_declares_wagtails_scheduled_publishing():
    job = periodic.periodic_tasks()["cms.publish_scheduled"]
    assert job.interval == timedelta(minutes=1)


def test_a_page_whose_go_live_time_has_passed_is_live_after_one_run(
        django_capture_on_commit_callbacks):
    tree = make_site_tree()
    page = make_article(tree["articles"], live=False, title="Spring meeting")
    page.go_live_at = timezone.now() + timedelta(hours=1)
    revision = page.save_revision()
    revision.publish()  # a future go-live time: scheduled, not live
    page.refresh_from_db()
    assert not page.live and page.scheduled_revision is not None
    # The hour has passed: the go-live time is now behind us, in the revision as in its approval.
    past = timezone.now() - timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])

    with django_capture_on_commit_callbacks(execute=True):  # jobs are enqueued after commit
        assert "cms.publish_scheduled" in periodic.run_due()

    page.refresh_from_db()
    assert page.live and page.live_revision_id == revision.pk
