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


def test_requests_follow_the_privacy_matrix_with_the_giver_taking_part():
    """The requester owns the request; the listing's owner takes part in it. No detail URL
    here: the API only ever stores ``private`` requests and asks for sign-in (the API side is
    test_the_conversation_reaches_its_two_members_only below)."""
    assert_follows_matrix(
        lambda owner, audience, community, participant: make_request(
            owner=owner, audience=audience, community=community,
            listing=make_listing(owner=participant, audience=Audience.PUBLIC)),
        participant=True)


def test_messages_follow_the_privacy_matrix_with_the_other_member_taking_part():
    """A message by the requester: the giver takes part in it through its request."""
    assert_follows_matrix(
        lambda owner, audience, community, participant: Message.objects.create(
            owner=owner, audience=audience, community=community, body="When can I come?",
            request=make_request(owner=owner, listing=make_listing(owner=participant))),
        participant=True)


def test_thanks_follow_the_privacy_matrix_with_the_thanked_member_taking_part():
    """Thanks by the giver: the requester, thanked, takes part in it through its request."""
    assert_follows_matrix(
        lambda owner, audience, community, participant: Thanks.objects.create(
            owner=owner, audience=audience, community=community, body="Merci",
            request=make_request(owner=participant, listing=make_listing(owner=owner),
                                 status="received")),
        participant=True)


def test_new_requests_messages_and_thanks_are_private(member, other):
    request_id = client_for(other).post(f"{URL}{make_listing(owner=member).pk}/requests/",
                                        {"message": "Hello"}, format="json").json()["id"]
    request = ExchangeRequest.objects.get(pk=request_id)
    client_for(member).post(f"/api/v1/exchange/requests/{request.pk}/messages/",
                            {"body": "Hi"}, format="json")
    ExchangeRequest.objects.filter(pk=request.pk).update(status="received")
    client_for(other).post(f"/api/v1/exchange/requests/{request.pk}/thanks/", {"body": "Merci"},
                           format="json")
    assert request.owner == other and request.audience == Audience.PRIVATE
    assert Message.objects.get().owner == member and Thanks.objects.get().owner == other
    assert {Message.objects.get().audience, Thanks.objects.get().audience} == {"private"}


def test_the_conversation_reaches_its_two_members_only(member, other, moderator):
    """Through the API: the requester and the giver see the request, its messages and its
    thanks; a third member, a visitor, a moderator (before any report) and the giver once
    blocked do not."""
    from core.moderation.services import block
    from tests.factories import UserFactory

    listing = make_listing(owner=member, audience=Audience.PUBLIC)
    request = make_request(listing=listing, owner=other, status="received")
    make_request(listing=listing)
    Message.objects.create(request=request, owner=other, body="When can I come?")
    Thanks.objects.create(request=request, owner=member, body="Merci")
    urls = [f"/api/v1/exchange/requests/{request.pk}/{tail}" for tail in
            ("", "messages/", "thanks/")]

    def sees(viewer):
        statuses = {client_for(viewer).get(url).status_code for url in urls}
        assert statuses in ({200}, {404}, {401}, {403}), statuses
        return statuses == {200}

    def listed(viewer):
        return len(client_for(viewer).get(f"{URL}{listing.pk}/requests/").json()["results"])

    assert sees(member) and sees(other)
    for url in urls[1:]:
        assert len(client_for(member).get(url).json()["results"]) == 1
        assert len(client_for(other).get(url).json()["results"]) == 1
    assert listed(member) == 2 and listed(other) == 1
    third = UserFactory()
    assert not sees(third) and not sees(None) and not sees(moderator)
    assert listed(third) == 0 and listed(moderator) == 0
    block(other, member)
    assert not sees(member) and listed(member) == 1


def finished_exchange(giver, taker):
    listing = make_listing(owner=giver, title="Lit médicalisé de Marie",
                           description="Chez Marie à Toulouse")
    request = make_request(listing=listing, owner=taker, message="Bonjour Marie",
                           status="received")
    Message.objects.create(request=request, owner=giver, body="Message de Marie")
    Thanks.objects.create(request=request, owner=giver, body="Merci de Marie")
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
