"""Demo pages for `make run`: English and French trees, a reviewer and association editors.

Idempotent: each page is found by its slug under its parent (and its translation by its
translation key) before anything is created.
"""
import datetime

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import GroupPagePermission, Locale, Page, Site

from cms import demo_content as content
from cms.models import (
    ArticleIndexPage, ArticlePage, AssociationCommunity, AssociationIndexPage, AssociationPage,
    ConditionIndexPage, ConditionPage, ConditionSource, HomePage,
)
from cms.workflow import MEDICAL_REVIEWERS_GROUP
from core.communities.models import Community
from core.identity.demo import EDITOR_EMAIL, REVIEWER_EMAIL, demo_account
from core.identity.models import Profile

ASSOCIATION_EDITORS_GROUP = "Association editors: Together"


def _publish(page):
    page.save_revision().publish()
    return page


def _english(parent, model, slug, **fields):
    """The English page of this slug under parent, created and published if missing."""
    existing = parent.get_children().filter(slug=slug).specific().first()
    if existing is not None:
        return existing
    page = model(slug=slug, **{k: v for k, v in fields.items() if k not in ("tags", "sources")})
    if fields.get("tags"):
        page.tags.add(*fields["tags"])
    for title, publisher, url in fields.get("sources", []):
        page.sources.add(ConditionSource(title=title, publisher=publisher, url=url))
    parent.add_child(instance=page)
    return _publish(page)


def _french(page, locale, **fields):
    """The French translation of page, created with these fields and published if missing."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    return _publish(translation)


def _site_editors():
    """Wagtail's "Editors" group (pages, images, documents) also curates the conditions."""
    group = Group.objects.get(name="Editors")
    group.permissions.add(*Permission.objects.filter(
        content_type__app_label="identity", content_type__model="condition",
        codename__in=["add_condition", "change_condition", "delete_condition"]))
    return group


def _wagtails_welcome_page(root):
    """Wagtail's "Welcome to your new Wagtail site!" (a plain Page), its slug freed for ours."""
    welcome = root.get_children().filter(content_type__model="page",
                                         content_type__app_label="wagtailcore").first()
    if welcome is not None and welcome.slug == content.HOME["en"]["slug"]:
        welcome.slug = "wagtail-welcome"
        welcome.save(update_fields=["slug", "url_path"])
    return welcome


def _replace_welcome_page(welcome, homes):
    """Pages made before the home page (the communities') move under the home of their
    locale; the welcome page goes."""
    for child in welcome.get_children().specific():
        child.move(homes.get(child.locale_id, next(iter(homes.values()))), pos="last-child")
    welcome.refresh_from_db()
    welcome.delete()


def _verified_professional(user):
    """Only a verified health professional may be named as a page's medical reviewer."""
    profile = user.profile
    if profile.verified_at is None:
        profile.kind = Profile.Kind.PROFESSIONAL
        profile.verified_at = timezone.now()
        profile.save(update_fields=["kind", "verified_at"])
    return user


def _association_editors(association):
    """A group whose members edit the association's page and its articles, nothing else."""
    group, _ = Group.objects.get_or_create(name=ASSOCIATION_EDITORS_GROUP)
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin",
                                                 codename="access_admin"))
    for permission_type in ("add", "change"):
        GroupPagePermission.objects.get_or_create(
            group=group, page=association,
            permission=Permission.objects.get(content_type__app_label="wagtailcore",
                                              codename=f"{permission_type}_page"))
    return group


def create_demo_pages(seed=None):
    """Seed the home pages, sections, conditions, an association and articles (en and fr)."""
    if not settings.DEBUG:
        return
    english = Locale.objects.get_or_create(language_code="en")[0]
    french = Locale.objects.get_or_create(language_code="fr")[0]
    reviewer = _verified_professional(
        demo_account(REVIEWER_EMAIL, Group.objects.get(name=MEDICAL_REVIEWERS_GROUP)))

    root = Page.get_first_root_node()
    welcome = _wagtails_welcome_page(root)
    home = _english(root, HomePage, locale=english, **content.HOME["en"])
    Site.objects.update_or_create(is_default_site=True, defaults={
        "hostname": "localhost", "root_page": home, "site_name": settings.WAGTAIL_SITE_NAME})
    homes = {english.pk: home, french.pk: _french(home, french, **content.HOME["fr"])}
    if welcome is not None:
        _replace_welcome_page(welcome, homes)

    sections = {}
    for key, model in (("conditions", ConditionIndexPage), ("articles", ArticleIndexPage),
                       ("associations", AssociationIndexPage)):
        sections[key] = _english(home, model, **content.SECTIONS[key]["en"])
        _french(sections[key], french, **content.SECTIONS[key]["fr"])

    communities = Community.objects.in_bulk(field_name="slug")
    review = {"reviewed_by": reviewer, "reviewed_on": datetime.date(2026, 1, 12),
              "next_review_due": datetime.date(2027, 1, 12)}
    for condition in content.CONDITIONS:
        page = _english(sections["conditions"], ConditionPage, tags=condition["tags"],
                        sources=condition["sources"],
                        community=communities.get(condition["community"]),
                        **review, **condition["en"])
        _french(page, french, **condition["fr"])

    spec = content.ASSOCIATION
    association = _english(sections["associations"], AssociationPage,
                           contact_email=spec["contact_email"], phone=spec["phone"],
                           website=spec["website"], **spec["en"])
    linked = {link.community_id for link in association.linked_communities.all()}
    missing = [communities[slug] for slug in spec["communities"]
               if slug in communities and communities[slug].pk not in linked]
    if missing:
        for community in missing:
            association.linked_communities.add(AssociationCommunity(community=community))
        _publish(association)
    _french(association, french, **spec["fr"])
    editors = _association_editors(association)
    editor = demo_account(EDITOR_EMAIL, editors, _site_editors())

    parents = {"association": association, "articles": sections["articles"]}
    for article in content.ARTICLES:
        page = _english(parents[article["parent"]], ArticlePage, kind=article["kind"],
                        tags=article["tags"], author=editor, **article["en"])
        _french(page, french, **article["fr"])
