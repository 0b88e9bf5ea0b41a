"""Medical review needs four eyes: nobody approves a page they wrote or submitted."""
import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.models import TaskState

from cms.models import MedicalReviewTask
from tests.cms.factories import make_condition_page, make_reviewer

pytestmark = pytest.mark.django_db


def editor_and_reviewer():
    person = make_reviewer()
    person.groups.add(Group.objects.get(name="Editors"))
    return person


def test_the_workflow_uses_the_four_eyes_task(tree):
    page = make_condition_page(tree["conditions"], live=False)
    tasks = [task.specific for task in page.get_workflow().tasks]
    assert [type(task) for task in tasks] == [MedicalReviewTask]
    assert tasks[0].groups.filter(name="Medical reviewers").exists()


def test_an_editor_who_reviews_cannot_approve_their_own_page(tree):
    author, other_reviewer = editor_and_reviewer(), make_reviewer()
    page = make_condition_page(tree["conditions"], live=False, title="Lupus")
    page.save_revision(user=author)
    state = page.get_workflow().start(page, author)
    task_state = state.current_task_state
    task = task_state.task.specific

    assert task.get_actions(page, author) == []
    assert not task.get_task_states_user_can_moderate(author).exists()
    assert TaskState.objects.reviewable_by(author).count() == 0
    with pytest.raises(PermissionDenied):
        task.on_action(task_state, author, "approve")
    page.refresh_from_db()
    state.refresh_from_db()
    assert not page.live and state.status == state.STATUS_IN_PROGRESS

    assert [name for name, *_ in task.get_actions(page, other_reviewer)] == [
        "reject", "approve", "approve"]
    assert task.get_task_states_user_can_moderate(other_reviewer).count() == 1
    task.on_action(task_state, other_reviewer, "approve")
    page.refresh_from_db()
    assert page.live


def test_a_reviewer_who_only_submitted_someone_elses_revision_cannot_approve_it(tree):
    writer, submitter = make_reviewer(), editor_and_reviewer()
    page = make_condition_page(tree["conditions"], live=False)
    page.save_revision(user=writer)
    state = page.get_workflow().start(page, submitter)
    task = state.current_task_state.task.specific
    assert task.get_actions(page, submitter) == []
    assert task.get_actions(page, writer) == []  # the revision is theirs


def test_the_admin_refuses_a_self_approval(tree, client):
    author = editor_and_reviewer()
    author.is_staff = True
    author.save()
    page = make_condition_page(tree["conditions"], live=False)
    page.save_revision(user=author)
    state = page.get_workflow().start(page, author)
    client.force_login(author)
    url = reverse("wagtailadmin_pages:workflow_action",
                  args=[page.pk, "approve", state.current_task_state.pk])
    client.post(url, {"comment": ""})  # Wagtail turns the refusal into a redirect home
    page.refresh_from_db()
    assert not page.live

    other = make_reviewer(is_staff=True)
    client.force_login(other)
    client.post(url, {"comment": ""})
    page.refresh_from_db()
    assert page.live  # the same request by another reviewer goes through
