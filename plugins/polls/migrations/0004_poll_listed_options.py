"""Polls keep their options as the list shows them in their own row (filled for existing polls)."""
from django.db import migrations, models


def list_options(apps, schema_editor):
    Poll = apps.get_model("polls", "Poll")
    PollOption = apps.get_model("polls", "PollOption")
    for poll in Poll.objects.all():
        poll.listed_options = [{"id": str(pk), "label": label} for pk, label in (
            PollOption.objects.filter(poll=poll).order_by("position").values_list("pk", "label"))]
        poll.save(update_fields=["listed_options"])


class Migration(migrations.Migration):

    dependencies = [
        ("polls", "0003_consent_purposes_declared_by_hook"),
    ]

    operations = [
        migrations.AddField(
            model_name="poll",
            name="listed_options",
            field=models.JSONField(default=list, editable=False),
        ),
        migrations.RunPython(list_options, migrations.RunPython.noop),
    ]
