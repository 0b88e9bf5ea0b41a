"""The starting category tree (forbidden categories included) and warning words."""
from django.db import migrations


def load(apps, schema_editor):
    from plugins.exchange.defaults import CATEGORIES, WARNING_WORDS

    Category = apps.get_model("exchange", "Category")
    WarningWord = apps.get_model("exchange", "WarningWord")
    for position, (slug, name_en, name_fr, parent, forbidden, notice_en, notice_fr) in \
            enumerate(CATEGORIES):
        Category.objects.get_or_create(slug=slug, defaults={
            "name_en": name_en, "name_fr": name_fr, "forbidden": forbidden,
            "parent": Category.objects.filter(slug=parent).first() if parent else None,
            "safety_notice_en": notice_en, "safety_notice_fr": notice_fr, "position": position})
    for language, words in WARNING_WORDS.items():
        for word in words:
            WarningWord.objects.get_or_create(word=word, language=language)


class Migration(migrations.Migration):
    dependencies = [("exchange", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
