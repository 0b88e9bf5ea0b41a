"""Every read of the exchange plugin, built on the models' visible_to()."""
from django.db.models import Q

from plugins.exchange.models import (Category, ExchangeRequest, Listing, Message, RequestStatus,
                                     Thanks)


def categories():
    """The category tree, forbidden ones included so clients can say why they are refused."""
    return Category.objects.select_related("parent")


def listings_visible_to(user):
    return Listing.objects.visible_to(user).select_related("category", "owner__profile")


def listing_for(user, pk) -> Listing | None:
    return listings_visible_to(user).filter(pk=pk).first()


def listing_to_answer(user, pk) -> Listing | None:
    """A listing a member may send a request on, in any state: the service says why not."""
    return Listing.objects.audience_allows(user).filter(pk=pk).first()


def requests_visible_to(user):
    """Requests as the core's rule has them (``private``): their requester, the listing's
    owner taking part in them (never across a block), site moderators once reported."""
    return ExchangeRequest.objects.visible_to(user).select_related(
        "listing", "owner__profile", "listing__owner__profile")


def requests_on(user, listing):
    return requests_visible_to(user).filter(listing=listing)


def request_for(user, pk) -> ExchangeRequest | None:
    return requests_visible_to(user).filter(pk=pk).first()


def messages_of(user, request):
    """The conversation of a request, message by message, as the core's rule lets ``user``
    read it (the two members; moderators once it is reported)."""
    return (Message.objects.visible_to(user).filter(request=request)
            .select_related("owner__profile"))


def thanks_of(user, request):
    return Thanks.objects.visible_to(user).filter(request=request).select_related(
        "owner__profile")


def given_count(member) -> int:
    """Items a member handed over (offers they gave, requests they answered)."""
    done = (RequestStatus.RECEIVED, RequestStatus.RETURNED, RequestStatus.HANDED_OVER)
    return ExchangeRequest.objects.filter(status__in=done).filter(
        Q(listing__kind="offer", listing__owner=member)
        | Q(listing__kind="request", owner=member)).count()
