"""The home page: the root of each language's tree."""
from django.utils.translation import gettext_lazy as _

from cms.models.sections import SectionPage


class HomePage(SectionPage):
    """The site root, one per language (French and English trees are translations of each other).

    Its children are the three sections: conditions, articles and associations.
    """

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cms.ConditionIndexPage", "cms.ArticleIndexPage", "cms.AssociationIndexPage"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")
