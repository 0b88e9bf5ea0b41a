"""Every read of the exchange plugin, built on Listing.objects.visible_to()."""
from django.db.models import Q

from core.moderation.roles import is_moderator
from core.privacy.registry import provided
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


def _blocked_either_way(user) -> Q:
    """Rows whose requester or listing owner is in a block with ``user``, either way: the
    core's rule that a block reaches nothing, read from the core's relations."""
    blocked = Q()
    for relation in ("blocked_ids", "blocker_ids"):
        ids = provided(relation, user)
        blocked |= Q(member__in=ids) | Q(listing__owner__in=ids)
    return blocked


def requests_visible_to(user):
    """Requests are private to their two members: the requester and the listing's owner, on a
    listing they can still see (``Listing.objects.visible_to``), while neither blocked the
    other. Their messages and thanks are read through them."""
    if not user.is_authenticated:
        return ExchangeRequest.objects.none()
    return ExchangeRequest.objects.filter(
        Q(member=user) | Q(listing__owner=user),
        listing__in=Listing.objects.visible_to(user).values("pk"),
    ).exclude(_blocked_either_way(user)).select_related(
        "listing", "member__profile", "listing__owner__profile")


def requests_on(user, listing):
    return requests_visible_to(user).filter(listing=listing)


def request_for(user, pk) -> ExchangeRequest | None:
    return requests_visible_to(user).filter(pk=pk).first()


def conversation_readable_by(user, request) -> bool:
    """Its two members; moderators only once one of them reported the conversation."""
    return request.involves(user) or (request.reported_at is not None and is_moderator(user))


def conversation_request_for(user, pk) -> ExchangeRequest | None:
    found = request_for(user, pk)
    if found is None and is_moderator(user):
        found = (ExchangeRequest.objects.select_related("listing", "member__profile")
                 .filter(pk=pk, reported_at__isnull=False).first())
    return found


def messages_of(request):
    return Message.objects.filter(request=request).select_related("author__profile")


def thanks_of(request):
    return Thanks.objects.filter(request=request).select_related("author__profile")


def given_count(member) -> int:
    """Items a member handed over (offers they gave, requests they answered)."""
    done = (RequestStatus.RECEIVED, RequestStatus.RETURNED, RequestStatus.HANDED_OVER)
    return ExchangeRequest.objects.filter(status__in=done).filter(
        Q(listing__kind="offer", listing__owner=member)
        | Q(listing__kind="request", member=member)).count()
