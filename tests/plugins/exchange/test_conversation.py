"""The conversation of a request: its two members only, moderators after a report; thanks."""
import pytest

from plugins.exchange.models import Message, Thanks
from tests.factories import UserFactory
from tests.plugins.exchange.conftest import client_for
from tests.plugins.exchange.factories import make_listing, make_request

pytestmark = pytest.mark.django_db


def messages_url(request):
    return f"/api/v1/exchange/requests/{request.pk}/messages/"


def test_the_conversation_is_seen_by_its_two_members_only(member, other, moderator):
    request = make_request(listing=make_listing(owner=member), owner=other)
    assert client_for(other).post(messages_url(request), {"body": "When can I come?"},
                                  format="json").status_code == 201
    assert client_for(member).post(messages_url(request), {"body": "Saturday morning"},
                                   format="json").status_code == 201
    for viewer in (member, other):
        bodies = [row["body"] for row in client_for(viewer).get(messages_url(request))
                  .json()["results"]]
        assert bodies == ["When can I come?", "Saturday morning"]
    for outsider in (UserFactory(), moderator, None):
        assert client_for(outsider).get(messages_url(request)).status_code in (401, 403, 404)
    assert client_for(UserFactory()).post(messages_url(request), {"body": "hi"},
                                          format="json").status_code == 404
    assert client_for(moderator).get(
        f"/api/v1/exchange/requests/{request.pk}/").status_code == 404
    # After a report, moderators read it; other members still do not.
    report = client_for(other).post(f"/api/v1/exchange/requests/{request.pk}/report/",
                                    {"reason": "harassment"}, format="json")
    assert report.status_code == 201
    assert client_for(other).post(f"/api/v1/exchange/requests/{request.pk}/report/",
                                  {"reason": "harassment"}, format="json").status_code == 409
    assert len(client_for(moderator).get(messages_url(request)).json()["results"]) == 2
    assert client_for(UserFactory()).get(messages_url(request)).status_code == 404
    assert client_for(moderator).post(messages_url(request), {"body": "x"},
                                      format="json").status_code == 403


def test_bad_messages_store_nothing(member, other):
    request = make_request(listing=make_listing(owner=member), owner=other)
    client = client_for(other)
    assert client.post(messages_url(request), {}, format="json").status_code == 400
    assert client.post(messages_url(request), {"body": "   "}, format="json").status_code == 400
    assert client.post(messages_url(request), {"body": "x" * 2001},
                       format="json").status_code == 400
    assert client.post(f"/api/v1/exchange/requests/{request.pk}/report/", {"reason": "nope"},
                       format="json").status_code == 400
    assert not Message.objects.exists()


def test_thanks_after_the_handover_once_each(member, other):
    request = make_request(listing=make_listing(owner=member), owner=other)
    url = f"/api/v1/exchange/requests/{request.pk}/thanks/"
    assert client_for(other).post(url, {"body": "Merci !"}, format="json").status_code == 409
    client_for(member).post(f"/api/v1/exchange/requests/{request.pk}/accept/")
    client_for(member).post(f"/api/v1/exchange/requests/{request.pk}/handover/")
    assert client_for(other).post(url, {"body": "Merci !"}, format="json").status_code == 201
    assert client_for(other).post(url, {"body": "Encore"}, format="json").status_code == 409
    assert client_for(member).post(url, {"body": "Avec plaisir"},
                                   format="json").status_code == 201
    assert Thanks.objects.count() == 2
    assert len(client_for(member).get(url).json()["results"]) == 2


def test_the_given_count_shows_only_if_the_member_allows_it(member, other):
    request = make_request(listing=make_listing(owner=member), owner=other)
    client_for(member).post(f"/api/v1/exchange/requests/{request.pk}/accept/")
    client_for(member).post(f"/api/v1/exchange/requests/{request.pk}/handover/")
    url = f"/api/v1/exchange/members/{member.profile.handle}/"
    assert client_for().get(url).json()["given"] is None
    assert client_for(member).patch("/api/v1/exchange/me/", {"show_given_count": "maybe"},
                                    format="json").status_code == 400
    client_for(member).patch("/api/v1/exchange/me/", {"show_given_count": True}, format="json")
    assert client_for().get(url).json()["given"] == 1
    assert client_for().get("/api/v1/exchange/members/nobody-here/").status_code == 404


def test_a_retried_message_with_its_key_is_stored_once(member, other):
    request = make_request(listing=make_listing(owner=member), owner=other)
    client = client_for(other)
    first = client.post(messages_url(request), {"body": "Hello"}, format="json",
                        HTTP_IDEMPOTENCY_KEY="2b1f6c3e-8a5d-4f0e-9c1a-7d2e4b6a8c90")
    again = client.post(messages_url(request), {"body": "Hello"}, format="json",
                        HTTP_IDEMPOTENCY_KEY="2b1f6c3e-8a5d-4f0e-9c1a-7d2e4b6a8c90")
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json() and Message.objects.count() == 1


@pytest.mark.parametrize("blocker", ["giver", "requester"])
def test_a_block_either_way_ends_what_each_member_sees_of_the_other(member, other, blocker):
    """The core's rule: across a block the giver (who takes part in the request) loses the
    request and its conversation; the requester keeps their own request and own words only."""
    from core.moderation.services import block
    from plugins.exchange.models import RequestStatus
    from plugins.exchange.services.conversation import post_message, thank

    request = make_request(listing=make_listing(owner=member), owner=other,
                           status=RequestStatus.RECEIVED)
    client_for(other).post(messages_url(request), {"body": "Thank you so much"}, format="json")
    client_for(member).post(messages_url(request), {"body": "You are welcome"}, format="json")
    giver, requester = member, other
    if blocker == "giver":
        block(giver, requester)
    else:
        block(requester, giver)
    request_url = f"/api/v1/exchange/requests/{request.pk}/"
    thanks_url = f"{request_url}thanks/"
    assert client_for(giver).get(request_url).status_code == 404
    assert client_for(giver).get(messages_url(request)).status_code == 404
    assert client_for(giver).post(messages_url(request), {"body": "Hello?"},
                                  format="json").status_code == 404
    assert client_for(giver).get(thanks_url).status_code == 404
    listed = client_for(giver).get(f"/api/v1/exchange/listings/{request.listing_id}/requests/")
    assert listed.status_code == 200 and listed.json()["results"] == []
    assert client_for(requester).get(request_url).status_code == 200
    bodies = [row["body"] for row in client_for(requester).get(messages_url(request))
              .json()["results"]]
    assert bodies == ["Thank you so much"]
    assert client_for(requester).post(messages_url(request), {"body": "Hello?"},
                                      format="json").status_code == 403
    assert client_for(requester).post(thanks_url, {"body": "Merci"},
                                      format="json").status_code == 403
    # The services say no as well, whoever calls them.
    from core.errors import NotAllowed

    with pytest.raises(NotAllowed):
        post_message(request, giver, body="Still there?")
    with pytest.raises(NotAllowed):
        thank(request, requester, body="Merci")
    assert Message.objects.filter(request=request).count() == 2
    assert not Thanks.objects.exists()


def test_moderators_hide_a_reported_conversation_through_the_core(member, other, moderator):
    """Before a report the request is no moderation target; after it, a site moderator hides
    it with the core's moderation: the giver loses it, its owner keeps it, as the rule says."""
    request = make_request(listing=make_listing(owner=member), owner=other)
    hide = {"type": "exchange.exchangerequest", "id": str(request.pk)}
    assert client_for(moderator).post("/api/v1/moderation/hide/", hide,
                                      format="json").status_code == 404
    client_for(member).post(f"/api/v1/exchange/requests/{request.pk}/report/",
                            {"reason": "harassment"}, format="json")
    assert client_for(moderator).post("/api/v1/moderation/hide/", hide,
                                      format="json").status_code == 200
    url = f"/api/v1/exchange/requests/{request.pk}/"
    assert client_for(member).get(url).status_code == 404
    assert client_for(other).get(url).status_code == 200
    assert client_for(moderator).get(url).status_code == 200
