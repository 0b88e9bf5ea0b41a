"""Real parallel transactions on PostgreSQL: one reservation per listing, whatever happens."""
import pytest

from core.errors import Conflict
from plugins.exchange import services
from plugins.exchange.models import ExchangeRequest, Listing, ListingStatus, RequestStatus
from tests.concurrency import POSTGRESQL_ONLY, run_in_parallel
from tests.factories import UserFactory
from tests.plugins.exchange.factories import make_listing, make_request

pytestmark = [*POSTGRESQL_ONLY, pytest.mark.postgres]


def test_twenty_parallel_accepts_leave_one_reservation_while_requests_are_withdrawn():
    giver = UserFactory()
    listing = make_listing(owner=giver)
    requests = [make_request(listing=listing) for _ in range(14)]
    withdrawing = requests[7:]
    calls = iter([*[("accept", r) for r in requests[:7] for _ in range(2)][:13],
                  *[("withdraw", r) for r in withdrawing]])
    plan = list(calls)
    assert len(plan) == 20
    position = iter(range(len(plan)))
    lock = __import__("threading").Lock()

    def one():
        with lock:
            kind, request = plan[next(position)]
        fresh = ExchangeRequest.objects.get(pk=request.pk)
        if kind == "accept":  # the giver's two clients each accept the same request
            return services.accept(fresh, giver)
        return services.cancel(fresh, request.member)

    outcomes = run_in_parallel(one, 20)
    accepted = ExchangeRequest.objects.filter(listing=listing, status=RequestStatus.ACCEPTED)
    assert accepted.count() == 1
    assert Listing.objects.get(pk=listing.pk).status == ListingStatus.RESERVED
    assert not [o for o in outcomes if isinstance(o, Exception) and not isinstance(o, Conflict)]
    assert ExchangeRequest.objects.filter(status=RequestStatus.WITHDRAWN).count() == 7


def test_parallel_cancel_and_handover_end_in_one_consistent_state():
    for _ in range(5):
        giver, taker = UserFactory(), UserFactory()
        listing = make_listing(owner=giver)
        request = make_request(listing=listing, member=taker)
        services.accept(request, giver)

        def cancel():
            return services.cancel(ExchangeRequest.objects.get(pk=request.pk), taker,
                                   reason="Changed my mind")

        def hand_over():
            return services.hand_over(ExchangeRequest.objects.get(pk=request.pk), giver)

        actions = iter([cancel, hand_over])
        lock = __import__("threading").Lock()

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
