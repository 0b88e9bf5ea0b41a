"""The request flow: ask (or answer), the fair-offer delay, accept one, hand over, receive,
cancel. Every step locks the listing row first, then its requests: one order, no deadlock,
and a listing is never reserved twice (a partial unique constraint backs the lock)."""
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _, gettext_lazy

from core.conf import plugin_setting
from core.errors import Conflict, Invalid, NotAllowed
from plugins.exchange import notifications
from plugins.exchange.models import (ExchangeRequest, Kind, Listing, ListingStatus, Mode,
                                     RequestStatus)


def _listing_locked(listing_id) -> Listing:
    # of=self: the owner's profile is an outer join, which PostgreSQL cannot lock.
    return (Listing.objects.select_for_update(of=("self",)).select_related("owner__profile")
            .get(pk=listing_id))


def _request_locked(request_id, listing) -> ExchangeRequest:
    found = (ExchangeRequest.objects.select_for_update(of=("self",))
             .select_related("owner__profile").get(pk=request_id))
    found.listing = listing
    return found


def _locked_pair(request: ExchangeRequest):
    listing = _listing_locked(request.listing_id)
    return listing, _request_locked(request.pk, listing)


def fair_offer_ends(listing: Listing):
    return listing.published_at + timedelta(hours=int(plugin_setting("exchange",
                                                                     "FAIR_OFFER_HOURS")))


@transaction.atomic
def send_request(listing: Listing, member, *, message: str) -> ExchangeRequest:
    listing = _listing_locked(listing.pk)
    if listing.owner_id == member.pk:
        raise Invalid("listing", _("You cannot ask for your own listing."))
    if listing.status == ListingStatus.WITHDRAWN:
        raise Conflict(_("This listing was withdrawn."))
    if listing.status != ListingStatus.AVAILABLE or listing.expires_at <= timezone.now():
        raise Conflict(_("This listing is not available any more."))
    try:
        with transaction.atomic():
            created = ExchangeRequest.objects.create(listing=listing, owner=member,
                                                     message=message)
    except IntegrityError:
        raise Conflict(_("You already sent a request for this listing.")) from None
    created.listing = listing
    notifications.send([listing.owner], "exchange.request_received",
                       gettext_lazy("Someone answered one of your listings"), target=listing,
                       url=listing.get_api_url())
    return created


@transaction.atomic
def accept(request: ExchangeRequest, user) -> ExchangeRequest:
    """The listing's owner chooses one request: the listing is reserved for it."""
    listing, request = _locked_pair(request)
    if listing.owner_id != user.pk:
        raise NotAllowed(_("Only the listing's owner chooses among the requests."))
    if request.status != RequestStatus.PENDING:
        raise Conflict(_("This request is no longer waiting for an answer."))
    if listing.status != ListingStatus.AVAILABLE:
        raise Conflict(_("This listing is already reserved or closed."))
    if listing.kind == Kind.OFFER and timezone.now() < fair_offer_ends(listing):
        raise Conflict(_("To be fair to everyone, you can choose from %(time)s.") % {
            "time": timezone.localtime(fair_offer_ends(listing)).strftime("%Y-%m-%d %H:%M")})
    now = timezone.now()
    request.status, request.accepted_at = RequestStatus.ACCEPTED, now
    request.save(update_fields=["status", "accepted_at"])
    listing.status = ListingStatus.RESERVED
    listing.save(update_fields=["status", "updated_at"])
    others = list(ExchangeRequest.objects.select_related("owner__profile").filter(
        listing=listing, status=RequestStatus.PENDING, told_unavailable_at__isnull=True))
    ExchangeRequest.objects.filter(pk__in=[other.pk for other in others]).update(
        told_unavailable_at=now)
    notifications.send([request.owner], "exchange.request_answered",
                       gettext_lazy("Good news: your request was accepted"), target=listing,
                       url=listing.get_api_url())
    notifications.send([other.owner for other in others], "exchange.chosen_elsewhere",
                       gettext_lazy("Thank you for asking: this item was promised to someone "
                                    "else."))
    return request


@transaction.atomic
def decline(request: ExchangeRequest, user) -> ExchangeRequest:
    listing, request = _locked_pair(request)
    if listing.owner_id != user.pk:
        raise NotAllowed(_("Only the listing's owner may decline a request."))
    if request.status != RequestStatus.PENDING:
        raise Conflict(_("This request is no longer waiting for an answer."))
    request.status = RequestStatus.DECLINED
    request.save(update_fields=["status"])
    notifications.send([request.owner], "exchange.request_answered",
                       gettext_lazy("Your request was declined, thank you for asking"))
    return request


@transaction.atomic
def cancel(request: ExchangeRequest, user, *, reason: str = "") -> ExchangeRequest:
    """The requester withdraws a waiting request; either side cancels a reservation (with a
    reason), and the listing is available again."""
    listing, request = _locked_pair(request)
    if not request.involves(user):
        raise NotAllowed(_("Only the two members of this exchange may cancel it."))
    if request.status == RequestStatus.PENDING:
        if request.owner_id != user.pk:
            raise NotAllowed(_("Decline the request instead."))
        request.status = RequestStatus.WITHDRAWN
        request.save(update_fields=["status"])
        return request
    if request.status != RequestStatus.ACCEPTED:
        raise Conflict(_("Only a waiting request or a reservation can be cancelled."))
    if not reason.strip():
        raise Invalid("reason", _("Say why you cancel the reservation."))
    request.status, request.cancel_reason, request.cancelled_by = (
        RequestStatus.CANCELLED, reason.strip(), user)
    request.save(update_fields=["status", "cancel_reason", "cancelled_by"])
    listing.status = ListingStatus.AVAILABLE
    listing.save(update_fields=["status", "updated_at"])
    other = request.owner if user.pk == listing.owner_id else listing.owner
    notifications.send([other], "exchange.reservation_cancelled",
                       gettext_lazy("A reservation was cancelled"), target=listing,
                       url=listing.get_api_url())
    return request


@transaction.atomic
def hand_over(request: ExchangeRequest, user, *, return_by=None) -> ExchangeRequest:
    """The giver marks the item handed over; a loan needs its return date, in the future."""
    listing, request = _locked_pair(request)
    if request.giver_id != user.pk:
        raise NotAllowed(_("Only the member giving the item marks it handed over."))
    if request.status != RequestStatus.ACCEPTED:
        raise Conflict(_("Only a reserved item can be handed over."))
    lending = listing.kind == Kind.OFFER and listing.mode == Mode.LEND
    if lending:
        if return_by is None:
            raise Invalid("return_by", _("Give the date the item must be returned by."))
        if return_by <= timezone.localdate():
            raise Invalid("return_by", _("The return date must be in the future."))
        request.return_by = return_by
    request.status, request.handed_over_at = RequestStatus.HANDED_OVER, timezone.now()
    request.save(update_fields=["status", "handed_over_at", "return_by"])
    listing.status = ListingStatus.HANDED_OVER
    listing.save(update_fields=["status", "updated_at"])
    receiver = request.owner if request.receiver_id == request.owner_id else listing.owner
    notifications.send([receiver], "exchange.handover",
                       gettext_lazy("An item was handed over to you: confirm its reception"),
                       target=listing, url=listing.get_api_url())
    return request


@transaction.atomic
def receive(request: ExchangeRequest, user) -> ExchangeRequest:
    listing, request = _locked_pair(request)
    if request.receiver_id != user.pk:
        raise NotAllowed(_("Only the member receiving the item confirms its reception."))
    if request.status != RequestStatus.HANDED_OVER:
        raise Conflict(_("The item has not been handed over yet."))
    request.status, request.received_at = RequestStatus.RECEIVED, timezone.now()
    request.save(update_fields=["status", "received_at"])
    lending = listing.kind == Kind.OFFER and listing.mode == Mode.LEND
    listing.status = ListingStatus.ON_LOAN if lending else ListingStatus.DONE
    listing.save(update_fields=["status", "updated_at"])
    giver = listing.owner if request.giver_id == listing.owner_id else request.owner
    notifications.send([giver], "exchange.handover",
                       gettext_lazy("The item you gave was received"), target=listing,
                       url=listing.get_api_url())
    return request


@transaction.atomic
def return_item(request: ExchangeRequest, user) -> ExchangeRequest:
    """The lender confirms the loan came back: the listing can be lent again."""
    listing, request = _locked_pair(request)
    if listing.owner_id != user.pk or listing.mode != Mode.LEND or listing.kind != Kind.OFFER:
        raise NotAllowed(_("Only the lender confirms that a loan came back."))
    if request.status not in (RequestStatus.RECEIVED, RequestStatus.HANDED_OVER):
        raise Conflict(_("This item is not on loan."))
    request.status, request.returned_at = RequestStatus.RETURNED, timezone.now()
    request.save(update_fields=["status", "returned_at"])
    listing.status = ListingStatus.AVAILABLE
    listing.save(update_fields=["status", "updated_at"])
    notifications.send([request.owner], "exchange.handover",
                       gettext_lazy("Thank you: the loan is marked returned"))
    return request
