"""Medical reviewers must be verified professionals, and they approve pages without being able
to publish directly (Wagtail's workflow publishes an approved page whatever the approver's
permissions, and lets the task's group edit the page while it is in review)."""
from django.db import migrations, models

import cms.people
from django.conf import settings

GROUP = "Medical reviewers"


def review_only(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    # Publishing (and editing outside a review) went through the workflow-free door.
    GroupPagePermission.objects.filter(
        group__name=GROUP, permission__content_type__app_label="wagtailcore",
        permission__codename__in=("publish_page", "change_page")).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("cms", "0002_medical_review_workflow"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="conditionpage",
            name="reviewed_by",
            field=models.ForeignKey(
                blank=True, help_text="A verified health professional of the Medical reviewers group.",
                limit_choices_to=cms.people.medical_reviewer_choices, null=True,
                on_delete=models.deletion.SET_NULL, related_name="+",
                to=settings.AUTH_USER_MODEL, verbose_name="medically reviewed by"),
        ),
        migrations.RunPython(review_only, migrations.RunPython.noop),
    ]
