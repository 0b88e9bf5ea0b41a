"""Patient associations: who they are, where they act, how to reach them."""
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.models.sections import SectionPage
from cms.models.communities import CommunityLinkSerializer


class AssociationIndexPage(SectionPage):
    """The "Associations" section under a home page; its children are association pages."""

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.AssociationPage"]

    class Meta:
        verbose_name = _("associations section")
        verbose_name_plural = _("associations sections")


class AssociationCommunity(Orderable):
    """A community an association animates, edited inline and versioned with its page."""

    page = ParentalKey("cms.AssociationPage", on_delete=models.CASCADE,
                       related_name="linked_communities")
    community = models.ForeignKey("communities.Community", verbose_name=_("community"),
                                  on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("community")]
    api_fields = [APIField("community", serializer=CommunityLinkSerializer())]

    class Meta(Orderable.Meta):
        verbose_name = _("linked community")
        verbose_name_plural = _("linked communities")


class AssociationPage(Page):
    """A patient association. Its own news and testimonies are its child articles, so a group
    of the association's editors can be given rights on this subtree only."""

    mission = RichTextField(_("mission"), features=["bold", "italic", "link", "ul"])
    region = models.CharField(_("region"), max_length=120, blank=True,
                              help_text=_("Where the association acts, e.g. a region or "
                                          "\"nationwide\"."))
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("mission"), FieldPanel("region"),
        MultiFieldPanel([FieldPanel("contact_email"), FieldPanel("phone"), FieldPanel("website")],
                        heading=_("Contact")),
        InlinePanel("linked_communities", label=_("Communities")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("mission"),
        index.SearchField("region"),
        index.FilterField("region"),
    ]
    api_fields = [APIField("mission"), APIField("region"), APIField("contact"),
                  APIField("linked_communities")]

    parent_page_types = ["cms.AssociationIndexPage"]
    subpage_types = ["cms.ArticlePage"]

    class Meta:
        verbose_name = _("association")
        verbose_name_plural = _("associations")

    @property
    def contact(self):
        """The association's public contact details (an organisation's, not a member's)."""
        return {"email": self.contact_email or None, "phone": self.phone or None,
                "website": self.website or None}

    @property
    def search_result_excerpt(self):
        from django.utils.html import strip_tags

        return strip_tags(self.mission)
