"""Information on a condition, written by an association and reviewed by a health professional."""
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.models.sections import SectionPage
from cms.blocks import InformationStreamBlock
from cms.models.communities import CommunityLinkSerializer
from cms.people import is_medical_reviewer, medical_reviewer_choices, public_handle


class ConditionIndexPage(SectionPage):
    """The "Conditions" section under a home page; its children are condition pages."""

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ConditionPage"]

    class Meta:
        verbose_name = _("conditions section")
        verbose_name_plural = _("conditions sections")


class ConditionPageTag(TaggedItemBase):
    """The conditions a condition page covers (e.g. "type 1 diabetes", "autoimmune")."""

    content_object = ParentalKey("cms.ConditionPage", on_delete=models.CASCADE,
                                 related_name="tagged_items")


class ConditionSource(Orderable):
    """A reference backing a condition page, edited inline and versioned with the page."""

    page = ParentalKey("cms.ConditionPage", on_delete=models.CASCADE, related_name="sources")
    title = models.CharField(_("title"), max_length=300)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    url = models.URLField(_("link"), max_length=500)

    panels = [FieldPanel("title"), FieldPanel("publisher"), FieldPanel("url")]
    api_fields = [APIField("title"), APIField("publisher"), APIField("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("source")
        verbose_name_plural = _("sources")


class ConditionPage(Page):
    """What a condition is and how people live with it: one page a condition and language.

    Lives under a ConditionIndexPage; its French and English versions are translations of each
    other. A member of the "Medical reviewers" group vouches for it and says when to review it
    again; it links to the community of the people living with the condition.
    """

    summary = models.TextField(_("summary"), max_length=600,
                               help_text=_("Two or three plain sentences shown in lists."))
    body = StreamField(InformationStreamBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(through=ConditionPageTag, blank=True,
                                  verbose_name=_("conditions covered"))
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("medically reviewed by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        limit_choices_to=medical_reviewer_choices,
        help_text=_("A verified health professional of the Medical reviewers group."),
    )
    reviewed_on = models.DateField(_("review date"), null=True, blank=True)
    next_review_due = models.DateField(_("next review due"), null=True, blank=True)
    community = models.ForeignKey(
        "communities.Community", verbose_name=_("community"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="condition_pages",
        help_text=_("The community of the people living with this condition."))

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("tags"),
        InlinePanel("sources", label=_("Sources")),
        MultiFieldPanel([FieldPanel("reviewed_by"), FieldPanel("reviewed_on"),
                         FieldPanel("next_review_due")], heading=_("Medical review")),
        FieldPanel("community"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name", boost=2)]),
        index.RelatedFields("sources", [index.SearchField("title")]),
    ]
    api_fields = [
        APIField("summary"), APIField("body"), APIField("tags"), APIField("sources"),
        APIField("medical_review"), APIField("community", serializer=CommunityLinkSerializer()),
    ]

    parent_page_types = ["cms.ConditionIndexPage", "communities.CommunityIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("condition page")
        verbose_name_plural = _("condition pages")

    def clean(self):
        super().clean()
        if self.reviewed_by_id and not is_medical_reviewer(self.reviewed_by):
            raise ValidationError({"reviewed_by": _(
                "The medical reviewer must be a verified health professional of the Medical "
                "reviewers group.")})
        if self.reviewed_on and self.next_review_due and self.next_review_due <= self.reviewed_on:
            raise ValidationError({"next_review_due": _("The next review must come after the "
                                                        "last one.")})

    @property
    def medical_review(self):
        """Who vouched for the page (by public handle only) and when, for the API."""
        return {
            "reviewer": public_handle(self.reviewed_by),
            "reviewed_on": self.reviewed_on.isoformat() if self.reviewed_on else None,
            "next_review_due": self.next_review_due.isoformat() if self.next_review_due else None,
        }

    @property
    def search_result_excerpt(self):
        return self.summary
