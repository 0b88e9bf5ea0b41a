"""Editorial workflow: editors submit, a medical reviewer approves, only then is the page live."""
import pytest
from django.contrib.auth.models import Group

from tests.cms.factories import make_condition_page, make_reviewer
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_submit_reject_resubmit_approve_then_live(api_client, tree):
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Editors"))
    reviewer, outsider = make_reviewer(), UserFactory()
    page = make_condition_page(tree["conditions"], live=False, title="Crohn's disease")

    workflow = page.get_workflow()
    assert workflow.name == "Medical review"
    state = workflow.start(page, editor)
    task_state = state.current_task_state
    task = task_state.task.specific
    assert task.get_actions(page, outsider) == []  # not a medical reviewer
    assert task.get_actions(page, editor) == []

    task.on_action(task_state, reviewer, "reject")
    state.refresh_from_db()
    page.refresh_from_db()
    assert state.status == state.STATUS_NEEDS_CHANGES and not page.live

    page.summary = "Corrected after the review."
    page.save_revision(user=editor)
    state.resume(editor)
    state.refresh_from_db()
    page.refresh_from_db()
    assert state.status == state.STATUS_IN_PROGRESS and not page.live
    listed = api_client.get("/api/v1/pages/?type=cms.ConditionPage").json()["items"]
    assert listed == []

    task_state = state.current_task_state
    task.on_action(task_state, reviewer, "approve")
    state.refresh_from_db()
    page.refresh_from_db()
    assert state.status == state.STATUS_APPROVED and page.live
    assert page.summary == "Corrected after the review."
    listed = api_client.get("/api/v1/pages/?type=cms.ConditionPage").json()["items"]
    assert [item["title"] for item in listed] == ["Crohn's disease"]


def test_association_editors_are_limited_to_their_subtree(tree):
    from django.contrib.auth.models import Permission
    from wagtail.models import GroupPagePermission

    from tests.cms.factories import make_association

    association = make_association(tree["associations"])
    other = make_association(tree["associations"])
    group = Group.objects.create(name="Association editors: test")
    GroupPagePermission.objects.create(
        group=group, page=association,
        permission=Permission.objects.get(content_type__app_label="wagtailcore",
                                          codename="change_page"))
    editor = UserFactory()
    editor.groups.add(group)
    assert association.permissions_for_user(editor).can_edit()
    assert not other.permissions_for_user(editor).can_edit()
    assert not tree["conditions"].permissions_for_user(editor).can_edit()
