"""Avatars move from the public MEDIA_ROOT to the private storage (served after an audience check)."""
import shutil
from pathlib import Path

from django.conf import settings
from django.db import migrations, models

import core.identity.models


def move_avatars_to_private_storage(apps, schema_editor):
    """Move the files already uploaded: a public /media/ URL must stop showing them."""
    Profile = apps.get_model("identity", "Profile")
    public, private = Path(settings.MEDIA_ROOT), Path(settings.STENT_PRIVATE_ROOT)
    for name in Profile.objects.exclude(avatar="").values_list("avatar", flat=True):
        source, destination = public / name, private / name
        if source.is_file() and not destination.exists():
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(source, destination)


class Migration(migrations.Migration):

    dependencies = [
        ("identity", "0003_profile_condition_verification"),
    ]

    operations = [
        migrations.AlterField(
            model_name="profile",
            name="avatar",
            field=models.ImageField(blank=True, storage=core.identity.models.private_storage,
                                    upload_to=core.identity.models.avatar_path,
                                    verbose_name="avatar"),
        ),
        migrations.RunPython(move_avatars_to_private_storage, migrations.RunPython.noop),
    ]
