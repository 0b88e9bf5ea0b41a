"""Toy donation data: verified institutions, their wards' wishlists, donors' pledges, thanks,
and the crowdfunding money allocated to wards and spent by them.

Quantities pledged and received are counters on the wishlist item, moved with ``F()`` under the
item's row lock, and a check constraint keeps pledged <= needed in the database itself.
"""
import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from modelsearch import index

from core.moderation.roles import is_moderator
from core.money import AmountField, CurrencyField
from core.privacy.models import Audienced, AudiencedQuerySet


class InstitutionKind(models.TextChoices):
    HOSPITAL = "hospital", _("Hospital")
    CARE_HOME = "care_home", _("Care home")


class InstitutionQuerySet(AudiencedQuerySet):
    def visible_to(self, user):
        """The audience rule, and unverified institutions only to their registrant and to
        moderators (who verify them): search and every read inherit it."""
        visible = super().visible_to(user)
        if is_moderator(user):
            return visible
        if user is not None and user.is_authenticated:
            return visible.filter(Q(verified_at__isnull=False) | Q(owner=user))
        return visible.filter(verified_at__isnull=False)

    def verified(self):
        return self.filter(verified_at__isnull=False)


class Institution(index.Indexed, Audienced):
    """A hospital or care home with a paediatric ward; invisible until a moderator verifies it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=InstitutionKind.choices,
                            default=InstitutionKind.HOSPITAL)
    city = models.CharField(_("city"), max_length=100)
    region = models.CharField(_("region"), max_length=100, blank=True)
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True, editable=False)

    objects = InstitutionQuerySet.as_manager()

    search_fields = [
        index.SearchField("name", boost=2),
        index.SearchField("city"),
        index.AutocompleteField("name"),
        index.FilterField("audience"),
        index.FilterField("hidden_at"),
        index.FilterField("owner_id"),
        index.FilterField("community_id"),
        index.FilterField("verified_at"),
    ]

    class Meta:
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")
        ordering = ["name", "id"]

    def __str__(self):
        return f"{self.name} ({self.city})"

    @property
    def search_result_title(self) -> str:
        return self.name

    @property
    def search_result_excerpt(self) -> str:
        return ", ".join(part for part in (self.city, self.region) if part)

    def get_api_url(self) -> str:
        return f"/api/v1/toys_donation/institutions/{self.pk}/"


class Ward(models.Model):
    """A paediatric ward of an institution: its managers, where toys go, what it accepts."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    institution = models.ForeignKey(Institution, on_delete=models.CASCADE, related_name="wards",
                                    verbose_name=_("institution"))
    name = models.CharField(_("name"), max_length=200)
    managers = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="managed_wards",
                                      verbose_name=_("managers"), blank=True)
    delivery_address = models.TextField(
        _("delivery address"), max_length=1000,
        help_text=_("Shown only to the ward's managers and to donors with an active pledge."))
    accepts_dropoff = models.BooleanField(_("accepts drop-off"), default=True)
    accepts_shipping = models.BooleanField(_("accepts shipping"), default=True)
    wishlist_open = models.BooleanField(_("wishlist open"), default=True)
    impact_public = models.BooleanField(
        _("impact figures public"), default=False,
        help_text=_("The ward agrees that its figures are published."))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("ward")
        verbose_name_plural = _("wards")
        ordering = ["institution__name", "name", "id"]

    def __str__(self):
        return f"{self.name}, {self.institution.name}"

    def get_api_url(self) -> str:
        return f"/api/v1/toys_donation/wards/{self.pk}/"


class ItemCategory(models.TextChoices):
    TOY = "toy", _("Toy")
    GAME = "game", _("Game")
    BOOK = "book", _("Book")
    CATEGORY = "category", _("Category")


class Priority(models.IntegerChoices):
    HIGH = 1, _("High")
    NORMAL = 2, _("Normal")
    LOW = 3, _("Low")


class WishlistItem(models.Model):
    """Something a ward needs, how many, and for which children."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    ward = models.ForeignKey(Ward, on_delete=models.CASCADE, related_name="items",
                             verbose_name=_("ward"))
    title = models.CharField(_("title"), max_length=200)
    category = models.CharField(_("category"), max_length=16, choices=ItemCategory.choices,
                                default=ItemCategory.TOY)
    age_min = models.PositiveSmallIntegerField(_("minimum age"), default=0)
    age_max = models.PositiveSmallIntegerField(_("maximum age"), default=18)
    quantity_needed = models.PositiveIntegerField(_("quantity needed"))
    quantity_pledged = models.PositiveIntegerField(_("quantity pledged"), default=0,
                                                   editable=False)
    quantity_received = models.PositiveIntegerField(_("quantity received"), default=0,
                                                    editable=False)
    new_only = models.BooleanField(_("new only"), default=True)
    washable = models.BooleanField(_("washable"), default=False)
    no_soft_toys = models.BooleanField(_("no soft toys (isolation unit)"), default=False)
    notes = models.TextField(_("notes"), max_length=1000, blank=True)
    priority = models.PositiveSmallIntegerField(_("priority"), choices=Priority.choices,
                                                default=Priority.NORMAL)
    is_open = models.BooleanField(_("open"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("wishlist item")
        verbose_name_plural = _("wishlist items")
        ordering = ["priority", "created_at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(quantity_needed__gte=1),
                                   name="toys_item_needs_at_least_one"),
            models.CheckConstraint(condition=Q(quantity_pledged__lte=F("quantity_needed")),
                                   name="toys_item_never_overpledged"),
            models.CheckConstraint(condition=Q(quantity_received__lte=F("quantity_pledged")),
                                   name="toys_item_received_within_pledged"),
            models.CheckConstraint(condition=Q(age_min__lte=F("age_max")),
                                   name="toys_item_age_range"),
        ]

    def __str__(self):
        return self.title

    def remaining_now(self) -> int:
        return self.quantity_needed - self.quantity_pledged


class DeliveryMethod(models.TextChoices):
    DROPOFF = "dropoff", _("Drop-off")
    SHIPPING = "shipping", _("Shipping")


class PledgeStatus(models.TextChoices):
    PLEDGED = "pledged", _("Pledged")
    SENT = "sent", _("Sent or dropped off")
    RECEIVED = "received", _("Received")
    EXPIRED = "expired", _("Expired")
    CANCELLED = "cancelled", _("Cancelled")


#: Pledges that still hold their quantity and see the ward's address.
ACTIVE_STATUSES = (PledgeStatus.PLEDGED, PledgeStatus.SENT)


class Pledge(Audienced):
    """A donor's promise of a quantity of one item: private to the donor (and the ward's
    managers, who see the donor's handle only if the donor agrees)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    item = models.ForeignKey(WishlistItem, on_delete=models.CASCADE, related_name="pledges",
                             verbose_name=_("item"))
    quantity = models.PositiveIntegerField(_("quantity"))
    method = models.CharField(_("delivery"), max_length=16, choices=DeliveryMethod.choices)
    status = models.CharField(_("status"), max_length=16, choices=PledgeStatus.choices,
                              default=PledgeStatus.PLEDGED, db_index=True)
    show_handle = models.BooleanField(_("the ward may see my handle"), default=False)
    message = models.TextField(_("message to the ward"), max_length=500, blank=True)
    expires_at = models.DateTimeField(_("expires if not sent by"))
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    received_at = models.DateTimeField(_("received at"), null=True, blank=True)
    ended_at = models.DateTimeField(_("cancelled or expired at"), null=True, blank=True)

    class Meta:
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        ordering = ["-created_at", "id"]
        constraints = [models.CheckConstraint(condition=Q(quantity__gte=1),
                                              name="toys_pledge_at_least_one")]

    def __str__(self):
        return f"{self.quantity} × {self.item}"


class ThanksUpdate(Audienced):
    """A ward's public thank-you, with photos the ward holds the consent for."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    ward = models.ForeignKey(Ward, on_delete=models.CASCADE, related_name="thanks",
                             verbose_name=_("ward"))
    text = models.TextField(_("text"), max_length=3000)
    consent_confirmed = models.BooleanField(_("the ward holds the consent it needs"))
    faces_shown = models.BooleanField(_("photos show faces"), default=False)

    class Meta:
        verbose_name = _("thank-you update")
        verbose_name_plural = _("thank-you updates")
        ordering = ["-created_at", "id"]

    def __str__(self):
        return self.text[:60]


class ThanksPhoto(models.Model):
    """One photo of a thank-you update, re-encoded without metadata by core.images."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    update = models.ForeignKey(ThanksUpdate, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("image"), upload_to="toys_donation/thanks/")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("thank-you photo")
        verbose_name_plural = _("thank-you photos")
        ordering = ["position", "id"]


class Allocation(models.Model):
    """Money of one paid crowdfunding pledge allocated to a ward. Keyed by the pledge's id
    only: nothing here points to the backer."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    pledge_ref = models.UUIDField(_("crowdfunding pledge"), db_index=True)
    ward = models.ForeignKey(Ward, on_delete=models.PROTECT, related_name="allocations",
                             verbose_name=_("ward"))
    amount = AmountField()
    currency = CurrencyField()
    created_at = models.DateTimeField(_("allocated at"), auto_now_add=True)

    class Meta:
        verbose_name = _("allocation")
        verbose_name_plural = _("allocations")
        ordering = ["-created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["pledge_ref", "ward"],
                                               name="toys_one_allocation_per_pledge_and_ward")]

    def __str__(self):
        return f"{self.amount} {self.currency} → {self.ward}"


class Purchase(models.Model):
    """Toys a ward bought with allocated money."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    ward = models.ForeignKey(Ward, on_delete=models.CASCADE, related_name="purchases",
                             verbose_name=_("ward"))
    description = models.CharField(_("what was bought"), max_length=300)
    amount = AmountField()
    currency = CurrencyField()
    purchased_on = models.DateField(_("bought on"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+",
                                    verbose_name=_("recorded by"))
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("purchase")
        verbose_name_plural = _("purchases")
        ordering = ["-purchased_on", "-created_at", "id"]

    def __str__(self):
        return self.description
