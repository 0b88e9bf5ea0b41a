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
    # No way around the review: a reviewer may neither publish nor edit outside a review.
    assert not page.permissions_for_user(reviewer).can_publish()
    assert not page.permissions_for_user(reviewer).can_edit()
    state = workflow.start(page, editor)
    assert page.permissions_for_user(reviewer).can_edit()  # while the page is in review
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
    assert state.status == state.STATUS_APPROVED and page.live  # the approval published it
    assert page.live_revision.approved_go_live_at is None
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


def test_only_verified_professionals_of_the_reviewers_group_may_be_named_reviewer(tree):
    from django.core.exceptions import ValidationError

    from cms.models import ConditionPage

    verified, unverified = make_reviewer(), make_reviewer(verified=False)
    verified_outsider = UserFactory()
    verified_outsider.profile.verified_at = verified.profile.verified_at
    verified_outsider.profile.save(update_fields=["verified_at"])
    form = ConditionPage.get_edit_handler().get_form_class()(for_user=verified)
    assert list(form.fields["reviewed_by"].queryset) == [verified]

    page = make_condition_page(tree["conditions"], reviewed_by=verified)
    page.full_clean()
    for intruder in (unverified, verified_outsider):
        page.reviewed_by = intruder
        with pytest.raises(ValidationError) as error:
            page.full_clean()
        assert "reviewed_by" in error.value.message_dict


def test_the_api_shows_the_reviewer_by_public_handle_only(api_client, tree):
    reviewer = make_reviewer(email="dr.martin@stent.example")
    reviewer.profile.real_name = "Claire Martin"
    reviewer.profile.save(update_fields=["real_name"])
    page = make_condition_page(tree["conditions"], reviewed_by=reviewer)
    body = api_client.get(f"/api/v1/pages/{page.pk}/").json()
    assert body["medical_review"] == {"reviewer": reviewer.profile.handle,
                                      "reviewed_on": "2026-01-15",
                                      "next_review_due": "2027-01-15"}
    text = str(body)
    assert "dr.martin" not in text and "Claire Martin" not in text
