"""Anonymous backers stay anonymous; export gives back all a member put in; erasure keeps totals."""
import json

import pytest
from django.core.management import call_command

from core.privacy.audiences import Audience
from plugins.crowdfunding.models import Campaign, CampaignUpdate, Pledge
from plugins.crowdfunding.privacy import CrowdfundingPrivacyHandler
from plugins.crowdfunding.services.updates import post_update
from tests.factories import UserFactory
from tests.plugins.crowdfunding.conftest import client_for
from tests.plugins.crowdfunding.factories import (draft, make_campaign, make_tier, paid_pledge,
                                                  pledge)

pytestmark = pytest.mark.django_db

SECRET = "Pour ma fille atteinte de mucoviscidose"


@pytest.fixture
def anonymous_backing(member):
    campaign = make_campaign(title="Ramps for the community centre")
    tier = make_tier(campaign=campaign, needs_shipping=True)
    backing = paid_pledge(campaign, member, tier=tier, message=SECRET,
                          shipping_name="Camille Martin", shipping_address="3 rue des Lilas")
    return campaign, backing


def every_public_response(client, campaign):
    base = f"/api/v1/crowdfunding/campaigns/{campaign.pk}/"
    for url in ("/api/v1/crowdfunding/campaigns/", base, f"{base}pledges/", f"{base}tiers/",
                f"{base}stats/", f"{base}updates/", "/api/v1/search/?q=ramps"):
        response = client.get(url)
        assert response.status_code == 200, url
        yield url, response.content.decode()


def test_an_anonymous_backer_appears_in_no_response_of_others(anonymous_backing, member):
    campaign, backing = anonymous_backing
    call_command("update_index", stdout=open("/dev/null", "w"))
    handle = member.profile.handle
    for viewer in (None, UserFactory()):
        for url, body in every_public_response(client_for(viewer), campaign):
            assert handle not in body and SECRET not in body and "Lilas" not in body, url
    # The managers see the message (it is addressed to them) and the shipping details they
    # need, never the handle.
    managed = client_for(campaign.owner).get(
        f"/api/v1/crowdfunding/campaigns/{campaign.pk}/pledges/managed/").content.decode()
    assert handle not in managed and "Lilas" in managed
    report = client_for(campaign.owner).get(
        f"/api/v1/crowdfunding/campaigns/{campaign.pk}/report/").content.decode()
    assert handle not in report
    # The backer sees it all.
    mine = client_for(member).get(f"/api/v1/crowdfunding/pledges/{backing.pk}/").json()
    assert mine["message"] == SECRET


def test_a_named_backer_is_listed_with_handle_and_message(member):
    campaign = make_campaign()
    paid_pledge(campaign, member, named=True, message="Go!")
    rows = client_for().get(f"/api/v1/crowdfunding/campaigns/{campaign.pk}/pledges/").json()[
        "results"]
    assert [(r["handle"], r["message"]) for r in rows] == [(member.profile.handle, "Go!")]


def test_search_finds_campaigns_only_for_those_allowed():
    public = make_campaign(title="Accessible minibus")
    members_only = make_campaign(title="Accessible holidays", audience=Audience.MEMBERS)
    hidden = draft(title="Accessible draft")
    call_command("update_index", stdout=open("/dev/null", "w"))

    def found(user):
        hits = client_for(user).get("/api/v1/search/", {"q": "accessible"}).json()["results"]
        return {hit["title"] for hit in hits if hit["type"] == "crowdfunding.campaign"}

    assert found(None) == {public.title}
    assert found(UserFactory()) == {public.title, members_only.title}
    assert hidden.title in found(hidden.owner)


def test_hidden_by_moderation_vanishes_for_others():
    from django.utils import timezone

    campaign = make_campaign()
    Campaign.objects.filter(pk=campaign.pk).update(hidden_at=timezone.now())
    url = f"/api/v1/crowdfunding/campaigns/{campaign.pk}/"
    assert client_for().get(url).status_code == 404
    assert client_for(UserFactory()).get(url).status_code == 404
    assert client_for(campaign.owner).get(url).status_code == 200


def test_export_returns_everything_the_member_put_in(member):
    mine = make_campaign(owner=member, title="Our minibus")
    post_update(mine, member, title="We bought it", body="Thanks to all of you")
    backing = paid_pledge(make_campaign(), member, message=SECRET)
    data = CrowdfundingPrivacyHandler().export(member)
    json.dumps(data)  # serialisable as the export endpoint sends it
    assert [c["title"] for c in data["campaigns"]] == ["Our minibus"]
    assert data["pledges"][0]["id"] == str(backing.pk)
    assert data["pledges"][0]["message"] == SECRET and data["pledges"][0]["amount"] == 2_500
    assert data["updates"][0]["body"] == "Thanks to all of you"


def test_erasure_leaves_none_of_their_strings_and_totals_stay(member, anonymous_backing):
    campaign, backing = anonymous_backing
    own_backed = make_campaign(owner=member, title="Backed by others")
    paid_pledge(own_backed)
    post_update(own_backed, member, title="News from me", body="My words")
    unbacked = draft(owner=member, title="Never backed")
    before = Campaign.objects.values_list("pk", "raised", "backer_count").order_by("pk")
    before = list(before.exclude(pk=unbacked.pk))

    CrowdfundingPrivacyHandler().erase(member)

    backing.refresh_from_db()
    assert backing.owner is None and backing.message == ""
    assert (backing.shipping_name, backing.shipping_address) == ("", "")
    assert not Campaign.objects.filter(pk=unbacked.pk).exists()
    assert Campaign.objects.get(pk=own_backed.pk).owner is None
    assert not CampaignUpdate.objects.filter(title="News from me").exists()
    assert list(Campaign.objects.values_list("pk", "raised", "backer_count").order_by("pk")) \
        == before
    assert not Pledge.objects.filter(owner=member).exists()
    assert CrowdfundingPrivacyHandler().export(member) == {"campaigns": [], "pledges": [],
                                                           "updates": []}


def test_backers_updates_reach_only_paid_backers(member, django_capture_on_commit_callbacks):
    from core.notifications.models import Notification

    campaign = make_campaign(owner=member)
    backer, waiting, stranger = UserFactory(), UserFactory(), UserFactory()
    paid_pledge(campaign, backer)
    pledge(campaign, waiting)
    url = f"/api/v1/crowdfunding/campaigns/{campaign.pk}/updates/"
    assert client_for(stranger).post(url, {"title": "Hi", "body": "x"},
                                     format="json").status_code == 403
    assert client_for(member).post(url, {"title": ""}, format="json").status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        posted = client_for(member).post(url, {"title": "Backers' news", "body": "Secret plan",
                                               "backers_only": True}, format="json")
    assert posted.status_code == 201
    for viewer, sees in ((backer, True), (waiting, False), (stranger, False), (None, False),
                         (member, True)):
        titles = [u["title"] for u in client_for(viewer).get(url).json()["results"]]
        assert (titles == ["Backers' news"]) is sees
    assert list(Notification.objects.filter(kind="crowdfunding.update")
                .values_list("recipient", flat=True)) == [backer.pk]
