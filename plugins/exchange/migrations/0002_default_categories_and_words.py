"""The starting category tree (forbidden categories included) and warning words."""
from django.db import migrations


def load(apps, schema_editor):
    from plugins.exchange.defaults import install_defaults

    install_defaults(apps.get_model("exchange", "Category"),
                     apps.get_model("exchange", "WarningWord"))


class Migration(migrations.Migration):
    dependencies = [("exchange", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
