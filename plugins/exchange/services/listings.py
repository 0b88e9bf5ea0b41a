"""Publishing, editing, renewing and withdrawing listings; their photos; expiry."""
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _, gettext_lazy

from core.communities.models import Membership
from core.conf import plugin_setting
from core.errors import Conflict, Invalid, NotAllowed
from core.images import clean_image
from core.moderation.models import Report
from core.moderation.roles import site_moderators
from core.privacy.audiences import Audience
from plugins.exchange import notifications
from plugins.exchange.models import (Kind, Listing, ListingPhoto, ListingStatus, Mode)
from plugins.exchange.safety import check_category, warning_words_in

EDITABLE = ("kind", "mode", "title", "description", "category", "condition", "width_cm",
            "depth_cm", "height_cm", "weight_kg", "region", "postal_prefix", "pick_up",
            "delivery", "shipping", "cleaning_declared", "loan_days", "audience", "community")


def listing_days() -> int:
    return int(plugin_setting("exchange", "LISTING_DAYS"))


def _check(listing: Listing) -> None:
    check_category(listing.category)
    if not (listing.pick_up or listing.delivery or listing.shipping):
        raise Invalid("pick_up", _("Choose at least one way to hand the item over."))
    if listing.kind == Kind.OFFER and not listing.cleaning_declared:
        raise Invalid("cleaning_declared", _(
            "Declare that the item is cleaned and checked before offering it."))
    if listing.kind == Kind.OFFER and listing.mode == Mode.LEND and not listing.loan_days:
        raise Invalid("loan_days", _("Say for how many days you lend the item."))
    if listing.kind == Kind.REQUEST:
        listing.mode, listing.cleaning_declared = Mode.GIVE, False
    if listing.audience == Audience.COMMUNITY and listing.community_id is None:
        raise Invalid("community", _("Choose the community that may see this listing."))
    if listing.community_id and not Membership.objects.active().filter(
            community_id=listing.community_id, member_id=listing.owner_id).exists():
        raise Invalid("community", _("You can only list in a community you belong to."))
    try:
        listing.full_clean(exclude=["owner", "category", "community"])
    except DjangoValidationError as error:
        raise Invalid(error.message_dict) from None


def _screen(listing: Listing) -> None:
    """Warning words send the listing to moderation: hidden (the core's moderation hiding)
    until a moderator restores it, with a report in the moderators' queue."""
    words = warning_words_in(listing.title, listing.description)
    if not words:
        return
    listing.flagged_words = ", ".join(words)[:400]
    Listing.objects.filter(pk=listing.pk).update(hidden_at=timezone.now(),
                                                 flagged_words=listing.flagged_words)
    listing.hidden_at = timezone.now()
    content_type = ContentType.objects.get_for_model(Listing)
    if not Report.objects.filter(target_type=content_type, target_id=str(listing.pk),
                                 state=Report.State.OPEN, reporter=None).exists():
        Report.objects.create(
            reporter=None, target_type=content_type, target_id=str(listing.pk),
            community_id=listing.community_id, reason=Report.Reason.OTHER,
            comment=f"Warning words: {listing.flagged_words}")
    notifications.send(site_moderators(), "exchange.review_needed",
                       gettext_lazy("A listing waits for your review"), target=listing,
                       url="/admin/moderation/reports/")


@transaction.atomic
def create_listing(owner, **fields) -> Listing:
    now = timezone.now()
    listing = Listing(owner=owner, published_at=now,
                      expires_at=now + timedelta(days=listing_days()), **fields)
    _check(listing)
    listing.save()
    _screen(listing)
    return listing


def _locked(listing_id) -> Listing:
    return (Listing.objects.select_for_update(of=("self",)).select_related("category")
            .get(pk=listing_id))


@transaction.atomic
def update_listing(listing: Listing, **fields) -> Listing:
    listing = _locked(listing.pk)
    if listing.status not in (ListingStatus.AVAILABLE, ListingStatus.EXPIRED):
        raise Conflict(_("A reserved, given or withdrawn listing can no longer be changed."))
    for name, value in fields.items():
        if name in EDITABLE:
            setattr(listing, name, value)
    _check(listing)
    listing.save()
    _screen(listing)
    return listing


@transaction.atomic
def renew(listing: Listing) -> Listing:
    """Another listing period from now; an expired listing comes back to lists and search."""
    listing = _locked(listing.pk)
    if listing.status not in (ListingStatus.AVAILABLE, ListingStatus.EXPIRED):
        raise Conflict(_("Only an available or expired listing can be renewed."))
    listing.expires_at = timezone.now() + timedelta(days=listing_days())
    listing.status = ListingStatus.AVAILABLE
    listing.save(update_fields=["expires_at", "status", "updated_at"])
    return listing


@transaction.atomic
def withdraw(listing: Listing) -> Listing:
    listing = _locked(listing.pk)
    if listing.status not in (ListingStatus.AVAILABLE, ListingStatus.EXPIRED):
        raise Conflict(_("Cancel the reservation before withdrawing this listing."))
    listing.status, listing.withdrawn_at = ListingStatus.WITHDRAWN, timezone.now()
    listing.save(update_fields=["status", "withdrawn_at", "updated_at"])
    return listing


@transaction.atomic
def add_photo(listing: Listing, upload, user) -> ListingPhoto:
    listing = _locked(listing.pk)
    if listing.owner_id != user.pk:
        raise NotAllowed(_("Only the listing's owner may add photos."))
    maximum = int(plugin_setting("exchange", "MAX_PHOTOS"))
    if listing.photos.count() >= maximum:
        raise Invalid("image", _("A listing has at most %(count)d photos.") % {"count": maximum})
    cleaned = clean_image(upload, field="image", max_side=2000)
    return ListingPhoto.objects.create(listing=listing, image=cleaned)


def expire_due(now=None) -> int:
    """Mark listings past their date expired and tell their owners; returns how many."""
    now = now or timezone.now()
    with transaction.atomic():
        due = list(Listing.objects.select_for_update(skip_locked=True, of=("self",))
                   .select_related("owner__profile")
                   .filter(status=ListingStatus.AVAILABLE, expires_at__lte=now))
        Listing.objects.filter(pk__in=[listing.pk for listing in due]).update(
            status=ListingStatus.EXPIRED)
        for listing in due:
            notifications.send([listing.owner], "exchange.listing_expired",
                               gettext_lazy("One of your listings expired: renew it to list it "
                                            "again"), target=listing, url=listing.get_api_url())
    return len(due)
