"""The demo pages (both languages, linked as translations) and the CMS's PrivacyHandler."""
import pytest

from cms.models import ArticlePage, ConditionPage
from cms.privacy import CmsPrivacyHandler
from tests.cms.factories import make_article, make_condition_page, make_reviewer

pytestmark = pytest.mark.django_db


def test_demo_seeds_condition_pages_in_english_and_french(settings, api_client):
    from cms.demo import create_demo_pages

    settings.DEBUG = True
    create_demo_pages(2026)
    create_demo_pages(2026)
    english = ConditionPage.objects.live().filter(locale__language_code="en")
    assert sorted(english.values_list("title", flat=True)) == [
        "Crohn's disease", "Fibromyalgia", "Multiple sclerosis", "Type 1 diabetes"]
    for page in english:
        french = page.get_translation(page.locale.__class__.objects.get(language_code="fr"))
        assert french.live and french.title != page.title
        assert page.specific.reviewed_by.groups.filter(name="Medical reviewers").exists()
    listed = api_client.get("/api/v1/pages/?type=cms.ConditionPage&locale=fr").json()
    assert listed["meta"]["total_count"] == 4


def test_privacy_handler_exports_then_erases_editorial_links(tree):
    reviewer = make_reviewer()
    page = make_condition_page(tree["conditions"], title="Fibromyalgia", reviewed_by=reviewer)
    article = make_article(tree["articles"], title="Spring news", author=reviewer, owner=reviewer)
    exported = CmsPrivacyHandler().export(reviewer)
    assert [item["title"] for item in exported["pages_reviewed"]] == ["Fibromyalgia"]
    assert [item["title"] for item in exported["articles_signed"]] == ["Spring news"]
    assert [item["title"] for item in exported["pages_created"]] == ["Spring news"]

    CmsPrivacyHandler().erase(reviewer)
    assert ConditionPage.objects.get(pk=page.pk).reviewed_by is None
    erased = ArticlePage.objects.get(pk=article.pk)
    assert erased.author is None and erased.owner is None and erased.live
    assert CmsPrivacyHandler().export(reviewer) == {
        "pages_created": [], "articles_signed": [], "pages_reviewed": []}
