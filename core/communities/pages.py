"""CommunityIndexPage: the root of a community's informational pages in the Wagtail tree."""
from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core.plugins import collect

#: cms page types allowed under a community root, named by string so the core never imports cms.
CMS_PAGE_TYPES = ("cms.ConditionPage", "cms.ArticlePage")


class CommunityIndexPage(Page):
    """Created with its community by ``services.create_community``; the community's editors
    (a Wagtail group) may edit this subtree only. Plugins add page types under it through the
    ``stent_page_types`` hook.
    """

    is_creatable = False  # a root without its Community would be an orphan
    # Under the site root (served by the pages API) or the tree root; by string: no cms import.
    parent_page_types = ["wagtailcore.Page", "cms.HomePage"]

    class Meta:
        verbose_name = _("community pages root")
        verbose_name_plural = _("community pages roots")

    @classmethod
    def clean_subpage_models(cls):
        # Computed on each call (not cached like Wagtail's default): the enabled plugins decide.
        allowed = []
        for label in CMS_PAGE_TYPES:
            try:
                allowed.append(apps.get_model(label))
            except LookupError:
                continue
        allowed += [model for model in collect("stent_page_types")
                    if isinstance(model, type) and issubclass(model, Page)]
        return list(dict.fromkeys(allowed))

    @property
    def community(self):
        return getattr(self, "community_of_root", None)
