"""Petitions, their promoters, signatures and updates; the signature count lives on the petition."""
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelsearch import index
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from core.privacy.audiences import Audience
from core.privacy.models import Audienced, AudiencedQuerySet
from core.moderation.roles import is_moderator
from plugins.petitions import state as petition_state
from plugins.petitions.state import Status

MILESTONES = (25, 50, 75, 100)
MAX_GOAL = 10_000_000


#: States anyone allowed by the audience may see; the others only promoters (and moderators
#: for the submitted ones, so they can review them).
PUBLIC_STATES = (Status.PUBLISHED, Status.WITHDRAWN, Status.CLOSED, Status.DELIVERED,
                 Status.ANSWERED)


class PetitionQuerySet(AudiencedQuerySet):
    """visible_to() narrowed by the lifecycle: drafts stay with their promoters."""

    def visible_to(self, user):
        shown = Q(status__in=PUBLIC_STATES)
        if user is not None and user.is_authenticated:
            # EXISTS, not a join on promoters (which repeats rows and, wrapped in a pk__in
            # self-join, left the planner estimating one row at 200k petitions).
            shown |= Exists(Promoter.objects.filter(petition=OuterRef("pk"), member=user))
            if is_moderator(user):
                shown |= Q(status__in=[Status.SUBMITTED, Status.REJECTED])
        return super().visible_to(user).filter(shown)


class TaggedPetition(TaggedItemBase):
    """Condition and topic tags of a petition (taggit's through model for a UUID key)."""

    content_object = models.ForeignKey("Petition", on_delete=models.CASCADE,
                                       related_name="tagged_items")

    class Meta:
        verbose_name = _("petition tag")
        verbose_name_plural = _("petition tags")


class Petition(index.Indexed, Audienced):
    """A petition addressed to a target; its author (owner) and co-promoters carry it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    slug = models.SlugField(_("slug"), max_length=140, unique=True)
    audience = models.CharField(_("audience"), max_length=16, choices=Audience.choices,
                                default=Audience.PUBLIC, db_index=True)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"))
    target = models.CharField(_("addressed to"), max_length=200,
                              help_text=_("The institution, insurer or ministry it asks."))
    signature_goal = models.PositiveIntegerField(
        _("signature goal"), validators=[MinValueValidator(1), MaxValueValidator(MAX_GOAL)])
    opens_at = models.DateTimeField(_("opens at"), null=True, blank=True)
    closes_at = models.DateTimeField(_("deadline"), null=True, blank=True)
    cover = models.ImageField(_("cover image"), upload_to="petitions/covers/", blank=True)
    tags = TaggableManager(through=TaggedPetition, blank=True, verbose_name=_("tags"))

    status = models.CharField(_("status"), max_length=16, choices=Status.choices,
                              default=Status.DRAFT, db_index=True)
    signature_count = models.PositiveIntegerField(_("signatures"), default=0, editable=False)
    milestone_reached = models.PositiveSmallIntegerField(_("last milestone reached (%)"),
                                                         default=0, editable=False)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True, editable=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    rejected_at = models.DateTimeField(_("rejected at"), null=True, blank=True, editable=False)
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True, editable=False)
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)
    delivery_method = models.CharField(_("delivered how"), max_length=200, blank=True)
    delivered_to = models.CharField(_("delivered to"), max_length=200, blank=True)
    answer = models.TextField(_("the target's answer"), blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    signatures_anonymised_at = models.DateTimeField(_("signatures anonymised at"), null=True,
                                                    blank=True, editable=False)

    objects = PetitionQuerySet.as_manager()
    #: Submitted petitions reach the site's moderators whatever their audience (they review).
    awaiting_review = Q(status=Status.SUBMITTED)

    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("text"),
        index.SearchField("target"),
        index.AutocompleteField("title"),
        index.FilterField("audience"),
        index.FilterField("status"),
        index.FilterField("hidden_at"),
        index.FilterField("owner_id"),
        index.FilterField("community_id"),
    ]

    class Meta:
        verbose_name = _("petition")
        verbose_name_plural = _("petitions")
        ordering = ["-created_at"]
        # One index per order the list offers (api/filters.py ORDERINGS): a page is read from
        # the index, never from a sort of the whole table.
        indexes = [
            models.Index(fields=["-signature_count", "-created_at"],
                         name="petition_most_signed"),
            models.Index(fields=["closes_at", "created_at"], name="petition_closing_soon"),
            # The newest public ones (an anonymous reader's default list) walked in order:
            # without it SQLite sorts every visible row, reading each one's tags, for a page.
            models.Index(fields=["audience", "-created_at"], name="petition_newest_by_audience"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(signature_goal__gte=1), name="petition_goal_positive"),
            models.CheckConstraint(condition=Q(signature_count__gte=0),
                                   name="petition_count_never_negative"),
            models.CheckConstraint(
                condition=Q(opens_at__isnull=True) | Q(closes_at__isnull=True)
                | Q(closes_at__gt=models.F("opens_at")), name="petition_closes_after_opening"),
        ]

    def __str__(self):
        return self.title

    # The site-wide search protocol (cms/search.py).
    search_result_type = "petitions.petition"

    @property
    def search_result_title(self) -> str:
        return self.title

    @property
    def search_result_excerpt(self) -> str:
        return f"{self.target}: {self.text}"

    def get_api_url(self) -> str:
        return reverse("petitions:petition-detail", args=[self.pk])

    @property
    def state(self) -> str:
        """The state a reader sees: a published petition past its deadline is closed."""
        return petition_state.reader_state(self)

    @property
    def is_open(self) -> bool:
        return petition_state.is_open(self)

    @property
    def percentage(self) -> int:
        return petition_state.percentage(self.signature_count, self.signature_goal)


class Promoter(models.Model):
    """A member carrying a petition with its author; invited by handle, counts once accepted."""

    class Status(models.TextChoices):
        INVITED = "invited", _("Invited")
        ACCEPTED = "accepted", _("Accepted")

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="promoters")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="petition_promotions")
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    status = models.CharField(_("status"), max_length=16, choices=Status.choices,
                              default=Status.INVITED)
    created_at = models.DateTimeField(_("invited at"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("promoter")
        verbose_name_plural = _("promoters")
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["petition", "member"],
                                               name="one_promoter_row_per_member")]


class Signature(Audienced):
    """One signature. Its audience is ``public`` when the signer chose to be named, else
    ``private``: an unnamed signature is counted, never listed.

    A member's signature has an owner; an e-mailed one has the hash of its address instead and
    counts once confirmed. Erasure and anonymisation drop the owner; the row (and count) stay.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="signatures")
    audience = models.CharField(_("audience"), max_length=16, choices=Audience.choices,
                                default=Audience.PRIVATE)
    show_name = models.BooleanField(
        _("show my handle in the list of signers"), default=False,
        help_text=_("Your handle and your comment appear in the public list of signers; your "
                    "handle also goes in the list the promoters deliver to the target. Your "
                    "region is not given with it unless you choose so."))
    show_region = models.BooleanField(
        _("give my region next to my handle"), default=False,
        help_text=_("Only with your handle shown: the list delivered to the target gives your "
                    "region next to it. Otherwise your region is only counted with others."))
    comment = models.TextField(_("comment"), blank=True, max_length=1000)
    region = models.CharField(_("region"), max_length=100, blank=True)
    follows = models.BooleanField(_("notify me of updates and milestones"), default=False)
    email_hash = models.CharField(max_length=64, null=True, blank=True, editable=False)
    confirmation_hash = models.CharField(max_length=64, blank=True, editable=False)
    confirmation_sent_at = models.DateTimeField(_("confirmation link mailed at"), null=True,
                                                blank=True, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("unconfirmed until"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["petition", "owner"], condition=Q(owner__isnull=False),
                                    name="one_signature_per_member"),
            models.UniqueConstraint(fields=["petition", "email_hash"],
                                    condition=Q(email_hash__isnull=False),
                                    name="one_signature_per_address"),
        ]
        indexes = [models.Index(fields=["petition", "confirmed_at"],
                                name="petitions_sig_confirmed_idx")]

    def __str__(self):
        return f"{self.petition} ({self.pk})"


class PetitionUpdate(Audienced):
    """News posted by a promoter; it reaches whoever may see the petition."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="updates")
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))

    class Meta:
        verbose_name = _("petition update")
        verbose_name_plural = _("petition updates")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title
