"""Creates the French and English locales, the "Medical reviewers" group and its workflow."""
from django.conf import settings
from django.db import migrations

GROUP = "Medical reviewers"
WORKFLOW = "Medical review"
TASK = "Medical reviewer approval"


def create_medical_review(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Page = apps.get_model("wagtailcore.Page")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")

    reviewers, _ = Group.objects.get_or_create(name=GROUP)
    admin_access = Permission.objects.filter(content_type__app_label="wagtailadmin",
                                             codename="access_admin").first()
    if admin_access:
        reviewers.permissions.add(admin_access)

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore",
                                                     model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK, content_type=task_type, active=True)
    task.groups.add(reviewers)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    root = Page.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return
    # Every page of the tree goes through medical review before it is published.
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    # Reviewers edit a page while reviewing it; their approval publishes it, which Wagtail
    # allows only to users with the publish permission.
    for codename in ("change_page", "publish_page"):
        permission = Permission.objects.filter(content_type__app_label="wagtailcore",
                                               codename=codename).first()
        if permission:
            GroupPagePermission.objects.get_or_create(group=reviewers, page=root,
                                                      permission=permission)


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore.Locale")
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):

    dependencies = [
        ("cms", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(create_locales, migrations.RunPython.noop),
        migrations.RunPython(create_medical_review, migrations.RunPython.noop),
    ]
