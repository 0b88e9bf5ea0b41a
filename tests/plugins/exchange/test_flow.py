"""The offer and request flows through the API: fair-offer delay, accept one, the polite
"someone else" message once, hand-over, reception, cancel, loans and returns; bad input."""
from datetime import timedelta

import pytest
from django.utils import timezone

from core.notifications.models import Notification
from plugins.exchange.models import ExchangeRequest, Listing, ListingStatus, RequestStatus
from tests.factories import UserFactory
from tests.plugins.exchange.conftest import client_for
from tests.plugins.exchange.factories import make_listing, make_request

pytestmark = pytest.mark.django_db
URL = "/api/v1/exchange/"


def ask(user, listing, message="Could I have it? I live nearby."):
    return client_for(user).post(f"{URL}listings/{listing.pk}/requests/", {"message": message},
                                 format="json")


def step(user, request, name, data=None):
    return client_for(user).post(f"{URL}requests/{request.pk}/{name}/", data or {},
                                 format="json")


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run the after-commit notifications of the block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_a_gift_from_request_to_reception(member, other, commit):
    listing = make_listing(owner=member)
    third = UserFactory()
    with commit():
        mine = ask(other, listing).json()
        ask(third, listing)
    assert Notification.objects.filter(recipient=member,
                                       kind="exchange.request_received").count() == 2
    asked = client_for(member).get(f"{URL}listings/{listing.pk}/requests/").json()["results"]
    assert len(asked) == 2
    assert len(client_for(third).get(f"{URL}listings/{listing.pk}/requests/")
               .json()["results"]) == 1
    chosen = ExchangeRequest.objects.get(pk=mine["id"])
    with commit():
        assert step(member, chosen, "accept").json()["status"] == "accepted"
    listing.refresh_from_db()
    assert listing.status == ListingStatus.RESERVED
    assert Notification.objects.filter(recipient=third,
                                       kind="exchange.chosen_elsewhere").count() == 1
    assert ask(UserFactory(), listing).status_code == 409  # reserved: no new requests
    with commit():
        assert step(member, chosen, "cancel", {"reason": "Plans changed"}).status_code == 200
        assert step(member, chosen, "cancel").status_code == 409
        listing.refresh_from_db()
        assert listing.status == ListingStatus.AVAILABLE
        second = ExchangeRequest.objects.get(listing=listing, owner=third)
        assert step(member, second, "accept").status_code == 200
    # The polite message went once only, though the listing was reserved twice.
    assert Notification.objects.filter(kind="exchange.chosen_elsewhere").count() == 1
    assert step(third, second, "handover").status_code == 403  # the receiver cannot
    assert step(member, second, "receive").status_code == 403  # nor the giver receive
    assert step(member, second, "handover").json()["status"] == "handed_over"
    assert step(third, second, "receive").json()["status"] == "received"
    listing.refresh_from_db()
    assert listing.status == ListingStatus.DONE
    assert step(member, second, "return").status_code == 403  # a gift does not come back


def test_the_fair_offer_delay_lets_others_ask_first(member, other):
    listing = make_listing(owner=member, published_at=timezone.now())
    request = make_request(listing=listing, owner=other)
    response = step(member, request, "accept")
    assert response.status_code == 409 and "fair" in response.json()["detail"]
    request.refresh_from_db()
    assert request.status == RequestStatus.PENDING


def test_a_loan_needs_a_future_return_date_and_comes_back(member, other, commit):
    listing = make_listing(owner=member, mode="lend", loan_days=30)
    request = make_request(listing=listing, owner=other)
    step(member, request, "accept")
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    assert step(member, request, "handover").status_code == 400
    assert step(member, request, "handover", {"return_by": yesterday}).status_code == 400
    assert step(member, request, "handover", {"return_by": "soon"}).status_code == 400
    request.refresh_from_db()
    assert request.status == RequestStatus.ACCEPTED and request.return_by is None
    due = (timezone.localdate() + timedelta(days=1)).isoformat()
    assert step(member, request, "handover", {"return_by": due}).json()["return_by"] == due
    assert step(other, request, "receive").status_code == 200
    from plugins.exchange.services import remind_due_returns

    with commit():
        assert remind_due_returns() == 1
    assert remind_due_returns() == 0  # once
    assert Notification.objects.filter(recipient=other, kind="exchange.return_reminder").exists()
    assert step(other, request, "return").status_code == 403
    assert step(member, request, "return").json()["status"] == "returned"
    listing.refresh_from_db()
    assert listing.status == ListingStatus.AVAILABLE


def test_a_request_listing_is_answered_and_the_answerer_gives(member, other):
    wanted = make_listing(owner=member, kind="request", cleaning_declared=False)
    answer = ask(other, wanted, "I have one in my garage.").json()
    answer = ExchangeRequest.objects.get(pk=answer["id"])
    assert step(member, answer, "accept").status_code == 200  # no fair-offer delay on requests
    assert step(member, answer, "handover").status_code == 403
    assert step(other, answer, "handover").status_code == 200
    assert step(member, answer, "receive").status_code == 200


def test_bad_requests_store_nothing(member, other):
    listing = make_listing(owner=member)
    assert ask(member, listing).status_code == 400  # one's own listing
    assert client_for(other).post(f"{URL}listings/{listing.pk}/requests/", {},
                                  format="json").status_code == 400
    assert client_for(other).post(f"{URL}listings/{listing.pk}/requests/",
                                  {"message": "x" * 1001}, format="json").status_code == 400
    assert ask(other, listing).status_code == 201
    assert ask(other, listing).status_code == 409  # one open request per member
    assert client_for(other).post(f"{URL}listings/00000000-0000-0000-0000-000000000000/"
                                  "requests/", {"message": "hi"}, format="json").status_code == 404
    assert ExchangeRequest.objects.count() == 1


def test_only_the_owner_accepts_or_declines(member, other):
    request = make_request(listing=make_listing(owner=member), owner=other)
    assert step(other, request, "accept").status_code == 403
    assert step(UserFactory(), request, "accept").status_code == 404
    assert step(member, request, "decline").json()["status"] == "declined"
    assert step(member, request, "accept").status_code == 409
    assert Listing.objects.get().status == ListingStatus.AVAILABLE


def test_the_requester_withdraws_a_waiting_request(member, other):
    request = make_request(listing=make_listing(owner=member), owner=other)
    assert step(member, request, "cancel").status_code == 403
    assert step(other, request, "cancel").json()["status"] == "withdrawn"


def test_a_reservation_cancel_needs_a_reason(member, other):
    request = make_request(listing=make_listing(owner=member), owner=other)
    step(member, request, "accept")
    assert step(other, request, "cancel", {"reason": "  "}).status_code == 400
    assert step(other, request, "cancel", {"reason": "I found one"}).status_code == 200


def test_a_reserved_listing_cannot_be_edited_or_withdrawn(member, other):
    listing = make_listing(owner=member)
    request = make_request(listing=listing, owner=other)
    step(member, request, "accept")
    client = client_for(member)
    assert client.patch(f"{URL}listings/{listing.pk}/", {"title": "New"},
                        format="json").status_code == 409
    assert client.post(f"{URL}listings/{listing.pk}/withdraw/").status_code == 409
    assert client.delete(f"{URL}listings/{listing.pk}/").status_code == 409
    assert client.patch(f"{URL}listings/{listing.pk}/", {"weight_kg": -3},
                        format="json").status_code == 400
    listing.refresh_from_db()
    assert listing.title != "New" and listing.status == ListingStatus.RESERVED
