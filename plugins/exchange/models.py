"""Listings of medical equipment, the requests on them, their conversations and thanks.

Only an approximate area is ever stored (a region and a postal-code prefix): there is no
address to leak. A listing's reservation lives on its accepted request; the database refuses a
second active reservation of one listing. Requests, messages and thanks are ``private``
Audienced rows whose other member takes part in them (``participant_paths``): the core's rule
lets the two members, and moderators once the conversation is reported, read them.
"""
import uuid

from django.conf import settings
from django.core.files.storage import storages
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelsearch import index

from core.privacy.audiences import Audience
from core.privacy.models import Audienced, AudiencedQuerySet

POSTAL_PREFIX = RegexValidator(r"^[0-9][0-9AB]{1,2}$", _(
    "Give only the first two or three characters of the postal code, never the full code."))


class Category(models.Model):
    """One node of the managed category tree; forbidden categories can never be listed."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    parent = models.ForeignKey("self", verbose_name=_("parent category"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="children")
    name_en = models.CharField(_("name in English"), max_length=120)
    name_fr = models.CharField(_("name in French"), max_length=120)
    forbidden = models.BooleanField(
        _("can never be listed"), default=False,
        help_text=_("Prescription medicines, opened consumables, implants, single-use sterile "
                    "items..."))
    safety_notice_en = models.TextField(_("safety notice in English"), blank=True)
    safety_notice_fr = models.TextField(_("safety notice in French"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("equipment category")
        verbose_name_plural = _("equipment categories")
        ordering = ["position", "slug"]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return self.name_fr if (get_language() or "en")[:2] == "fr" else self.name_en

    @property
    def safety_notice(self) -> str:
        french = (get_language() or "en")[:2] == "fr"
        return (self.safety_notice_fr if french else "") or self.safety_notice_en


class WarningWord(models.Model):
    """A word that sends a listing to moderation before anyone else sees it."""

    class Language(models.TextChoices):
        EN = "en", _("English")
        FR = "fr", _("French")

    word = models.CharField(_("word"), max_length=80)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("warning word")
        verbose_name_plural = _("warning words")
        ordering = ["language", "word"]
        constraints = [models.UniqueConstraint(fields=["word", "language"],
                                               name="exchange_one_warning_word")]

    def __str__(self):
        return self.word


class Kind(models.TextChoices):
    OFFER = "offer", _("Offer")
    REQUEST = "request", _("Looking for")


class Mode(models.TextChoices):
    GIVE = "give", _("Give")
    LEND = "lend", _("Lend")


class Condition(models.TextChoices):
    NEW = "new", _("New")
    LIKE_NEW = "like_new", _("Like new")
    GOOD = "good", _("Good")
    WORN = "worn", _("Worn")


class ListingStatus(models.TextChoices):
    AVAILABLE = "available", _("Available")
    RESERVED = "reserved", _("Reserved")
    HANDED_OVER = "handed_over", _("Handed over")
    ON_LOAN = "on_loan", _("On loan")
    DONE = "done", _("Given")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    EXPIRED = "expired", _("Expired")


#: What others may see: a listing still in play. Withdrawn, expired and finished listings
#: stay with their owner and the members who requested them.
LISTED_STATES = (ListingStatus.AVAILABLE, ListingStatus.RESERVED)


class ListingQuerySet(AudiencedQuerySet):
    """visible_to() narrowed by the listing's life: expired or withdrawn ones leave lists."""

    def visible_to(self, user):
        listed = Q(status__in=LISTED_STATES, expires_at__gt=timezone.now())
        if user is None or not user.is_authenticated:
            return super().visible_to(user).filter(listed)
        involved = Q(pk__in=ExchangeRequest.objects.filter(owner=user).values("listing_id"))
        return super().visible_to(user).filter(Q(owner=user) | listed | involved)

    def audience_allows(self, user):
        """The audience and moderation rule alone, whatever the listing's state: for answers
        such as "this listing was withdrawn" (409) to someone the audience lets see it."""
        return super().visible_to(user)


class Listing(index.Indexed, Audienced):
    """An offer (give or lend) or a request for a piece of equipment, in an approximate area."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    audience = models.CharField(_("audience"), max_length=16, choices=Audience.choices,
                                default=Audience.MEMBERS, db_index=True)
    kind = models.CharField(_("offer or request"), max_length=8, choices=Kind.choices)
    mode = models.CharField(_("give or lend"), max_length=8, choices=Mode.choices,
                            default=Mode.GIVE)
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("description"), max_length=4000)
    category = models.ForeignKey(Category, verbose_name=_("category"), on_delete=models.PROTECT,
                                 related_name="listings")
    condition = models.CharField(_("condition"), max_length=10, choices=Condition.choices,
                                 blank=True)
    width_cm = models.PositiveIntegerField(_("width (cm)"), null=True, blank=True,
                                           validators=[MaxValueValidator(1000)])
    depth_cm = models.PositiveIntegerField(_("depth (cm)"), null=True, blank=True,
                                           validators=[MaxValueValidator(1000)])
    height_cm = models.PositiveIntegerField(_("height (cm)"), null=True, blank=True,
                                            validators=[MaxValueValidator(1000)])
    weight_kg = models.PositiveIntegerField(_("weight (kg)"), null=True, blank=True,
                                            validators=[MaxValueValidator(1000)])
    region = models.CharField(_("region"), max_length=80)
    postal_prefix = models.CharField(_("postal-code prefix"), max_length=3,
                                     validators=[POSTAL_PREFIX])
    pick_up = models.BooleanField(_("pick-up"), default=True)
    delivery = models.BooleanField(_("delivery possible"), default=False)
    shipping = models.BooleanField(_("shipping"), default=False)
    cleaning_declared = models.BooleanField(
        _("cleaned and checked"), default=False,
        help_text=_("The giver declares the item cleaned, disinfected where needed, and checked."))
    loan_days = models.PositiveSmallIntegerField(
        _("loan period (days)"), null=True, blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(730)])
    status = models.CharField(_("status"), max_length=12, choices=ListingStatus.choices,
                              default=ListingStatus.AVAILABLE, db_index=True)
    published_at = models.DateTimeField(_("published at"), default=timezone.now)
    expires_at = models.DateTimeField(_("listed until"), db_index=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    #: set when warning words sent the listing to moderation; cleared by nothing (history)
    flagged_words = models.CharField(_("warning words found"), max_length=400, blank=True,
                                     editable=False)

    objects = ListingQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("description"),
        index.SearchField("region"),
        index.AutocompleteField("title"),
        index.FilterField("audience"),
        index.FilterField("status"),
        index.FilterField("hidden_at"),
        index.FilterField("owner_id"),
        index.FilterField("community_id"),
    ]

    class Meta:
        verbose_name = _("listing")
        verbose_name_plural = _("listings")
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["status", "expires_at"], name="exchange_listed_idx")]

    def __str__(self):
        return self.title

    search_result_type = "exchange.listing"

    @property
    def search_result_title(self) -> str:
        return self.title

    @property
    def search_result_excerpt(self) -> str:
        # The area is already approximate: region and prefix only.
        return f"{self.region} ({self.postal_prefix}): {self.description}"

    def get_api_url(self) -> str:
        return f"/api/v1/exchange/listings/{self.pk}/"

    @property
    def is_listed(self) -> bool:
        return self.status in LISTED_STATES and self.expires_at > timezone.now()


def private_storage():
    """Photos are streamed by the API after the listing's audience check, never by URL."""
    return storages["private"]


class ListingPhoto(models.Model):
    """A photo of a listing, re-encoded without metadata; served only after an audience check."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="photos")
    image = models.FileField(_("image"), upload_to="exchange/photos/", max_length=200,
                             storage=private_storage)
    created_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        verbose_name = _("listing photo")
        verbose_name_plural = _("listing photos")
        ordering = ["created_at", "id"]


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted: reserved")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    CANCELLED = "cancelled", _("Reservation cancelled")
    HANDED_OVER = "handed_over", _("Handed over")
    RECEIVED = "received", _("Received")
    RETURNED = "returned", _("Returned")


#: The states holding the listing: at most one request of a listing is in one of them.
HOLDING_STATES = (RequestStatus.ACCEPTED, RequestStatus.HANDED_OVER)
#: The states in which a member's request still counts (one such per member and listing).
OPEN_STATES = (RequestStatus.PENDING, *HOLDING_STATES)


class BetweenTwoMembers(Audienced):
    """A ``private`` row of an exchange between two members: its owner wrote it, the other
    member takes part in it (``participant_paths``)."""

    audience = models.CharField(_("audience"), max_length=16, choices=Audience.choices,
                                default=Audience.PRIVATE, db_index=True)

    class Meta:
        abstract = True


#: Who takes part in a request's conversation: its requester (the row's owner) and the
#: listing's owner; Message and Thanks read them through their request.
CONVERSATION_MEMBERS = ("request__owner", "request__listing__owner")


class ExchangeRequest(BetweenTwoMembers):
    """A member asking for an offer, or answering a request ("I have one"), and what follows.

    Its owner is the requester; the listing's owner takes part in it. ``private``: the two
    members alone reach it (not across a block), and site moderators once it is reported.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="requests")
    message = models.TextField(_("message"), max_length=1000)
    status = models.CharField(_("status"), max_length=12, choices=RequestStatus.choices,
                              default=RequestStatus.PENDING, db_index=True)
    cancel_reason = models.TextField(_("reason for cancelling"), max_length=500, blank=True)
    cancelled_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    return_by = models.DateField(_("to be returned by"), null=True, blank=True)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True, db_index=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    handed_over_at = models.DateTimeField(_("handed over at"), null=True, blank=True)
    received_at = models.DateTimeField(_("received at"), null=True, blank=True)
    returned_at = models.DateTimeField(_("returned at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("return reminder sent at"), null=True, blank=True)
    #: the polite "someone else was chosen" message goes once per request
    told_unavailable_at = models.DateTimeField(null=True, blank=True, editable=False)
    #: moderators may read the conversation only once one of its members reported it
    reported_at = models.DateTimeField(_("conversation reported at"), null=True, blank=True)

    class Meta:
        verbose_name = _("exchange request")
        verbose_name_plural = _("exchange requests")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["listing"], condition=Q(status__in=["accepted", "handed_over"]),
                name="exchange_one_reservation_per_listing"),
            models.UniqueConstraint(
                fields=["listing", "owner"],
                condition=Q(status__in=["pending", "accepted", "handed_over"]),
                name="exchange_one_open_request_per_member"),
        ]

    participant_paths = ("listing__owner",)
    #: Moderators read a conversation once one of its members reported it.
    awaiting_review = Q(reported_at__isnull=False)

    def __str__(self):
        return f"{self.listing} ({self.get_status_display()})"

    @property
    def giver_id(self):
        """Who hands the item over: the offer's owner, or the member answering a request."""
        return self.listing.owner_id if self.listing.kind == Kind.OFFER else self.owner_id

    @property
    def receiver_id(self):
        return self.owner_id if self.listing.kind == Kind.OFFER else self.listing.owner_id

    def involves(self, user) -> bool:
        return user.is_authenticated and user.pk in (self.owner_id, self.listing.owner_id)


class Message(BetweenTwoMembers):
    """One text message of a request's private conversation; its owner is its author."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    request = models.ForeignKey(ExchangeRequest, on_delete=models.CASCADE,
                                related_name="messages")
    body = models.TextField(_("message"), max_length=2000)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True, db_index=True)

    participant_paths = CONVERSATION_MEMBERS
    awaiting_review = Q(request__reported_at__isnull=False)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "id"]


class Thanks(BetweenTwoMembers):
    """A short thanks left by one side after the hand-over, to the other (who takes part in
    it); its owner is its author; one per member and request."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    request = models.ForeignKey(ExchangeRequest, on_delete=models.CASCADE, related_name="thanks")
    body = models.CharField(_("thanks"), max_length=500)
    created_at = models.DateTimeField(_("left at"), auto_now_add=True)

    participant_paths = CONVERSATION_MEMBERS

    class Meta:
        verbose_name = _("thanks")
        verbose_name_plural = _("thanks")
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["request", "owner"],
                                               condition=Q(owner__isnull=False),
                                               name="exchange_one_thanks_per_member")]


class GiverProfile(models.Model):
    """A member's choice to show, on their profile, how many items they gave."""

    member = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                  related_name="exchange_profile")
    show_given_count = models.BooleanField(_("show how many items I gave"), default=False)

    class Meta:
        verbose_name = _("giver profile")
        verbose_name_plural = _("giver profiles")
