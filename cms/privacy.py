"""The CMS's PrivacyHandler: editorial roles a member holds on pages, exported and erased."""
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core.privacy.handlers import PrivacyHandler
from cms.models import (
    ArticleIndexPage, ArticlePage, AssociationIndexPage, AssociationPage, ConditionIndexPage,
    ConditionPage, HomePage,
)


class CmsPrivacyHandler(PrivacyHandler):
    """Pages are the association's work, not personal data: erasure keeps them and removes the
    links to the person (page owner, article author, medical reviewer)."""

    identifier = "cms"
    verbose_name = _("Pages")
    description = _("Pages you created, articles you signed and pages you medically reviewed.")
    models = (HomePage, ConditionIndexPage, ConditionPage, ArticleIndexPage, ArticlePage,
              AssociationIndexPage, AssociationPage)

    def export(self, member) -> dict:
        def listing(queryset):
            return [{"id": page.pk, "title": page.title, "locale": page.locale.language_code}
                    for page in queryset.select_related("locale").order_by("pk")]

        return {
            "pages_created": listing(Page.objects.filter(owner=member)),
            "articles_signed": listing(ArticlePage.objects.filter(author=member)),
            "pages_reviewed": listing(ConditionPage.objects.filter(reviewed_by=member)),
        }

    def erase(self, member) -> None:
        Page.objects.filter(owner=member).update(owner=None)
        Page.objects.filter(locked_by=member).update(locked_by=None, locked=False)
        ArticlePage.objects.filter(author=member).update(author=None)
        ConditionPage.objects.filter(reviewed_by=member).update(reviewed_by=None)
