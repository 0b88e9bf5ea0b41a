"""TEMPORARY: the stand-in profile table, only while core.identity has no Profile."""
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from tests.testapp.standin_profile import STANDIN


class Migration(migrations.Migration):

    dependencies = [
        ("testapp", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Profile",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False,
                                           verbose_name="ID")),
                ("handle", models.CharField(max_length=40, unique=True)),
                ("display_name", models.CharField(blank=True, max_length=80)),
                ("user", models.OneToOneField(on_delete=django.db.models.deletion.CASCADE,
                                              related_name="profile",
                                              to=settings.AUTH_USER_MODEL)),
            ],
        ),
    ] if STANDIN else []
