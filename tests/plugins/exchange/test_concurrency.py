"""Real parallel transactions on PostgreSQL: one reservation per listing, whatever happens."""
import threading

import pytest

from core.errors import Conflict, Invalid, NotAllowed
from plugins.exchange import services
from plugins.exchange.models import (HOLDING_STATES, ExchangeRequest, Listing, ListingStatus,
                                     RequestStatus)
from tests.concurrency import POSTGRESQL_ONLY, run_in_parallel
from tests.factories import UserFactory
from tests.plugins.exchange.factories import make_listing, make_request

pytestmark = [*POSTGRESQL_ONLY, pytest.mark.postgres]


def test_twenty_parallel_accepts_leave_one_reservation_while_requests_are_withdrawn():
    giver = UserFactory()
    listing = make_listing(owner=giver)
    requests = [make_request(listing=listing) for _ in range(13)]
    # The giver's two clients each accept the same six requests (12 accepts) plus one more;
    # seven requesters withdraw at the same time, the accepted ones among them.
    plan = [("accept", request) for request in requests[:6] for _client in range(2)]
    plan += [("accept", requests[12])]
    plan += [("withdraw", request) for request in requests[:7]]
    assert len(plan) == 20
    pending = iter(plan)
    lock = threading.Lock()

    def one():
        with lock:
            kind, request = next(pending)
        fresh = ExchangeRequest.objects.get(pk=request.pk)
        if kind == "accept":
            return services.accept(fresh, giver)
        return services.cancel(fresh, request.owner, reason="Found one elsewhere")

    outcomes = run_in_parallel(one, 20)
    unexpected = [o for o in outcomes if isinstance(o, Exception) and not isinstance(
        o, (Conflict, NotAllowed, Invalid))]
    assert not unexpected
    holding = ExchangeRequest.objects.filter(listing=listing, status__in=HOLDING_STATES)
    listing.refresh_from_db()
    # A withdrawal may cancel the reservation it raced with: then none holds, and the
    # listing is available again; never two.
    assert holding.count() <= 1
    assert listing.status == (ListingStatus.RESERVED if holding.exists()
                              else ListingStatus.AVAILABLE)
    accepted_ever = ExchangeRequest.objects.filter(
        listing=listing, accepted_at__isnull=False).count()
    assert accepted_ever >= 1


def test_twenty_parallel_accepts_without_withdrawals_reserve_exactly_once():
    giver = UserFactory()
    listing = make_listing(owner=giver)
    requests = [make_request(listing=listing) for _ in range(10)]
    plan = iter([request for request in requests for _client in range(2)])
    lock = threading.Lock()

    def one():
        with lock:
            request = next(plan)
        return services.accept(ExchangeRequest.objects.get(pk=request.pk), giver)

    outcomes = run_in_parallel(one, 20)
    assert sum(not isinstance(o, Exception) for o in outcomes) == 1
    assert all(isinstance(o, Conflict) for o in outcomes if isinstance(o, Exception))
    assert ExchangeRequest.objects.filter(status=RequestStatus.ACCEPTED).count() == 1
    assert Listing.objects.get(pk=listing.pk).status == ListingStatus.RESERVED


def test_parallel_cancel_and_handover_end_in_one_consistent_state():
    for _ in range(5):
        giver, taker = UserFactory(), UserFactory()
        listing = make_listing(owner=giver)
        request = make_request(listing=listing, owner=taker)
        services.accept(request, giver)

        def cancel():
            return services.cancel(ExchangeRequest.objects.get(pk=request.pk), taker,
                                   reason="Changed my mind")

        def hand_over():
            return services.hand_over(ExchangeRequest.objects.get(pk=request.pk), giver)

        actions = iter([cancel, hand_over])
        lock = threading.Lock()

        def either():
            with lock:
                action = next(actions)
            return action()

        outcomes = run_in_parallel(either, 2)
        assert sum(isinstance(o, Conflict) for o in outcomes) == 1
        request.refresh_from_db()
        listing.refresh_from_db()
        assert (request.status, listing.status) in {
            (RequestStatus.CANCELLED, ListingStatus.AVAILABLE),
            (RequestStatus.HANDED_OVER, ListingStatus.HANDED_OVER)}
