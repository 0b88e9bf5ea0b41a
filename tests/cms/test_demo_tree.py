"""The demo tree: a real home page in English and French replaces Wagtail's welcome page, and
each community's pages live under the home of the community's language, in its locale."""
import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from core.communities.models import Community

pytestmark = pytest.mark.django_db


def test_the_demo_home_and_the_community_pages_are_in_their_languages(settings, client):
    settings.DEBUG = True
    call_command("stent_seed", verbosity=0)
    call_command("stent_seed", verbosity=0)  # idempotent
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()
    home = Site.objects.get(is_default_site=True).root_page.specific
    assert type(home).__name__ == "HomePage" and home.title == "Living with a chronic condition"
    french_home = home.get_translation(home.get_translations().get().locale)
    assert french_home.title == "Vivre avec une maladie chronique"
    for community in Community.objects.select_related("root_page__locale"):
        page = community.root_page
        assert page.locale.language_code == community.language, community.slug
        parent = page.get_parent()
        assert parent.pk == (french_home.pk if community.language == "fr" else home.pk)
    listed = client.get("/api/v1/pages/", {"locale": "fr", "limit": 100}).json()["items"]
    assert "Diabète de type 1" in {item["title"] for item in listed}
