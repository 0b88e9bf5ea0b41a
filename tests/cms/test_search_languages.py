"""Full-text search stems each object in its own language, whatever the site's main language.

PostgreSQL only: SQLite's FTS5 index (the development backend) does not stem any language."""
import pytest
from django.db import connection
from wagtail.models import Locale

from core.privacy.audiences import Audience
from tests.cms.factories import make_condition_page
from tests.cms.test_search import search
from tests.factories import UserFactory
from tests.testapp.models import Note

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="SQLite's full-text index has no stemming in any language"),
]


def backend_in(settings, config):
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "cms.search_backend",
                                                   "SEARCH_CONFIG": config}}


def note_by(language, title):
    owner = UserFactory()
    owner.profile.language = language
    owner.profile.save(update_fields=["language"])
    return Note.objects.create(owner=owner, title=title, audience=Audience.PUBLIC)


def titles(client, query):
    return sorted(hit["title"] for hit in search(client, query)["results"])


def test_a_french_word_form_finds_french_content_on_an_english_site(
        api_client, settings, tree, notes_plugin):
    backend_in(settings, "english")
    note_by("fr", "Des patientes soignées à domicile")
    note_by("en", "Soigner is a French word")  # English content: no French stemming
    fr = Locale.objects.get_or_create(language_code="fr")[0]
    make_condition_page(tree["conditions"], title="Les traitements soignés", locale=fr)
    assert titles(api_client, "soigner") == [
        "Des patientes soignées à domicile", "Les traitements soignés", "Soigner is a French word"]
    assert titles(api_client, "soignées") == [
        "Des patientes soignées à domicile", "Les traitements soignés"]


def test_an_english_word_form_finds_english_content_on_a_french_site(
        api_client, settings, tree, notes_plugin):
    backend_in(settings, "french")
    note_by("en", "Caring for a child with diabetes")
    make_condition_page(tree["conditions"], title="Studies of fatigue")
    assert titles(api_client, "cared") == ["Caring for a child with diabetes"]
    assert titles(api_client, "study") == ["Studies of fatigue"]
