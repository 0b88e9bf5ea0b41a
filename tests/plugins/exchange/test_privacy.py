"""Who sees a listing (the privacy matrix), export of everything a member put in, erasure."""
import pytest

from core.privacy.audiences import Audience
from plugins.exchange.models import ExchangeRequest, Listing, Message, Thanks
from plugins.exchange.privacy import ExchangePrivacyHandler
from plugins.exchange.stats import _counts
from tests.kit import assert_follows_matrix
from tests.plugins.exchange.conftest import client_for
from tests.plugins.exchange.factories import make_listing, make_request

pytestmark = pytest.mark.django_db
URL = "/api/v1/exchange/listings/"


def test_listings_follow_the_privacy_matrix():
    assert_follows_matrix(
        lambda owner, audience, community: make_listing(owner=owner, audience=audience,
                                                        community=community),
        lambda listing: f"{URL}{listing.pk}/", list_url=URL)


def test_hidden_listings_vanish_for_others_and_stay_with_their_owner(member, other):
    from django.utils import timezone

    listing = make_listing(owner=member, audience=Audience.PUBLIC)
    Listing.objects.filter(pk=listing.pk).update(hidden_at=timezone.now())
    assert client_for(other).get(f"{URL}{listing.pk}/").status_code == 404
    assert client_for(member).get(f"{URL}{listing.pk}/").status_code == 200


def test_requests_of_a_listing_are_private_to_its_two_members(member, other):
    from tests.factories import UserFactory

    listing = make_listing(owner=member, audience=Audience.PUBLIC)
    request = make_request(listing=listing, member=other)
    make_request(listing=listing)
    third = UserFactory()
    assert client_for(third).get(f"/api/v1/exchange/requests/{request.pk}/").status_code == 404
    assert len(client_for(third).get(f"{URL}{listing.pk}/requests/").json()["results"]) == 0
    assert len(client_for(other).get(f"{URL}{listing.pk}/requests/").json()["results"]) == 1
    assert len(client_for(member).get(f"{URL}{listing.pk}/requests/").json()["results"]) == 2


def finished_exchange(giver, taker):
    listing = make_listing(owner=giver, title="Lit médicalisé de Marie",
                           description="Chez Marie à Toulouse")
    request = make_request(listing=listing, member=taker, message="Bonjour Marie",
                           status="received")
    Message.objects.create(request=request, author=giver, body="Message de Marie")
    Thanks.objects.create(request=request, author=giver, body="Merci de Marie")
    return listing, request


def test_export_holds_everything_the_member_put_in(member, other):
    listing, request = finished_exchange(member, other)
    export = ExchangePrivacyHandler().export(member)
    assert export["listings"][0]["title"] == "Lit médicalisé de Marie"
    assert export["listings"][0]["postal_prefix"] == "31"
    assert export["messages"][0]["body"] == "Message de Marie"
    assert export["thanks"][0]["body"] == "Merci de Marie"
    assert ExchangePrivacyHandler().export(other)["requests"][0]["message"] == "Bonjour Marie"
    # Another member's export holds none of this member's words.
    assert "Marie" not in str(ExchangePrivacyHandler().export(other)["messages"])


def test_erasure_leaves_no_string_while_impact_counts_stay(member, other):
    finished_exchange(member, other)
    make_listing(owner=member, title="Never asked for")
    before = _counts("listing__category__slug")
    ExchangePrivacyHandler().erase(member)
    ExchangePrivacyHandler().erase(other)
    texts = [*Listing.objects.values_list("title", "description", "region"),
             *ExchangeRequest.objects.values_list("message", "cancel_reason"),
             *Message.objects.values_list("body"), *Thanks.objects.values_list("body")]
    assert "Marie" not in str(texts) and "Never asked" not in str(texts)
    assert not Listing.objects.filter(owner__isnull=False).exists()
    assert _counts("listing__category__slug") == before
