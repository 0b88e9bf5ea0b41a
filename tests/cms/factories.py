"""Helpers that build CMS pages with sensible defaults: each test states only what it is about."""
import datetime
import itertools

from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction, Site

from cms.models import (
    ArticleIndexPage, ArticlePage, AssociationIndexPage, AssociationPage, ConditionIndexPage,
    ConditionPage, ConditionSource, HomePage,
)
from cms.workflow import MEDICAL_REVIEWERS_GROUP
from tests.factories import UserFactory

_numbers = itertools.count(1)


def make_site_tree():
    """An English home page with its three sections, made the default site's root."""
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Stent", slug=f"home-{next(_numbers)}",
                                            locale=Locale.objects.get(language_code="en")))
    Site.objects.update_or_create(is_default_site=True, defaults={
        "hostname": "localhost", "root_page": home, "site_name": "Stent"})
    conditions = home.add_child(instance=ConditionIndexPage(title="Conditions", slug="conditions"))
    articles = home.add_child(instance=ArticleIndexPage(title="News", slug="news"))
    associations = home.add_child(instance=AssociationIndexPage(title="Associations",
                                                                slug="associations"))
    return {"home": home, "conditions": conditions, "articles": articles,
            "associations": associations}


def make_reviewer(*, verified=True, **overrides):
    """A member of the "Medical reviewers" group, a verified health professional unless told."""
    reviewer = UserFactory(**overrides)
    reviewer.groups.add(Group.objects.get(name=MEDICAL_REVIEWERS_GROUP))
    if verified:
        reviewer.profile.kind = "professional"
        reviewer.profile.verified_at = timezone.now()
        reviewer.profile.save(update_fields=["kind", "verified_at"])
    return reviewer


def condition_body(paragraph="Insulin therapy replaces the hormone the pancreas no longer makes."):
    return [
        {"type": "heading", "value": "Treatment"},
        {"type": "paragraph", "value": f"<p>{paragraph}</p>"},
        {"type": "faq", "value": {"question": "Is it contagious?", "answer": "<p>No.</p>"}},
        {"type": "quote", "value": {"text": "Learning took time.", "attribution": "A member"}},
    ]


def make_condition_page(parent, *, live=True, sources=1, **overrides):
    """A condition page under ``parent``, published unless ``live=False`` (then a draft)."""
    number = next(_numbers)
    fields = {
        "title": f"Condition {number}", "slug": f"condition-{number}",
        "summary": "A chronic condition explained in plain words.", "body": condition_body(),
        "reviewed_on": datetime.date(2026, 1, 15), "next_review_due": datetime.date(2027, 1, 15),
    }
    fields.update(overrides)
    tags = fields.pop("tags", ["chronic"])
    page = ConditionPage(live=live, **fields)
    for position in range(sources):
        page.sources.add(ConditionSource(
            title=f"Reference {position + 1}", publisher="National health agency",
            url=f"https://health-agency.example/reference-{position + 1}"))
    page.tags.add(*tags)
    parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    return page


def make_article(parent, *, live=True, **overrides):
    number = next(_numbers)
    fields = {"title": f"Article {number}", "slug": f"article-{number}",
              "intro": "News from the association.", "body": condition_body("Spring meetings.")}
    fields.update(overrides)
    tags = fields.pop("tags", [])
    page = ArticlePage(live=live, **fields)
    page.tags.add(*tags)
    parent.add_child(instance=page)
    page.save_revision().publish() if live else page.save_revision()
    return page


def make_association(parent, **overrides):
    number = next(_numbers)
    fields = {"title": f"Association {number}", "slug": f"association-{number}",
              "mission": "<p>Support people and their relatives.</p>", "region": "Nationwide"}
    fields.update(overrides)
    page = AssociationPage(**fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_private(page):
    """Restrict a page to signed-in users: it is no longer public."""
    return PageViewRestriction.objects.create(page=page,
                                              restriction_type=PageViewRestriction.LOGIN)
