"""News and testimonies, published by the editors of the site or of an association."""
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page
from wagtail.search import index

from cms.models.sections import SectionPage
from cms.blocks import InformationStreamBlock
from cms.forms import ArticlePageForm
from cms.people import public_handle


class ArticleIndexPage(SectionPage):
    """The "News and testimonies" section under a home page; its children are articles."""

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ArticlePage"]

    class Meta:
        verbose_name = _("articles section")
        verbose_name_plural = _("articles sections")


class ArticlePageTag(TaggedItemBase):
    """Topics of an article (conditions, daily life, rights...)."""

    content_object = ParentalKey("cms.ArticlePage", on_delete=models.CASCADE,
                                 related_name="tagged_items")


class ArticlePage(Page):
    """A news item or a testimony, under the articles section or under an association's page.

    Its author is shown by public handle only.
    """

    class Kind(models.TextChoices):
        NEWS = "news", _("News")
        TESTIMONY = "testimony", _("Testimony")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NEWS)
    date = models.DateField(_("date"), default=timezone.localdate)
    intro = models.TextField(_("introduction"), max_length=600)
    image = models.ForeignKey("wagtailimages.Image", verbose_name=_("image"), null=True,
                              blank=True, on_delete=models.SET_NULL, related_name="+")
    body = StreamField(InformationStreamBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, verbose_name=_("tags"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True,
                               blank=True, on_delete=models.SET_NULL, related_name="+")

    content_panels = Page.content_panels + [
        FieldPanel("kind"), FieldPanel("date"), FieldPanel("intro"), FieldPanel("image"),
        FieldPanel("body"), FieldPanel("tags"), FieldPanel("author"),
    ]
    base_form_class = ArticlePageForm
    search_fields = Page.search_fields + [
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name", boost=2)]),
        index.FilterField("kind"),
        index.FilterField("date"),
    ]
    api_fields = [
        APIField("kind"), APIField("date"), APIField("intro"), APIField("body"),
        APIField("tags"), APIField("author_handle"),
        APIField("image_rendition", serializer=ImageRenditionField("fill-1200x630",
                                                                   source="image")),
    ]

    # Under a community root too: its editors publish news for the community (through review).
    parent_page_types = ["cms.ArticleIndexPage", "cms.AssociationPage",
                         "communities.CommunityIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    @property
    def author_handle(self):
        return public_handle(self.author)

    @property
    def search_result_excerpt(self):
        return self.intro
