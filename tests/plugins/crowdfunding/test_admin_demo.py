"""The Wagtail admin for the crowdfunding team, and the demo data."""
import pytest
from django.contrib.auth.models import Permission

from core.privacy.audiences import Audience
from plugins.crowdfunding.models import Campaign, CampaignStatus, Pledge
from tests.factories import UserFactory
from tests.plugins.crowdfunding.factories import make_campaign, paid_pledge

pytestmark = pytest.mark.django_db


@pytest.fixture
def team_member():
    user = UserFactory(is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="crowdfunding",
                                   codename__in=["view_campaign", "change_campaign",
                                                 "view_pledge", "change_pledge"]))
    return user


def test_the_team_lists_filters_and_searches_campaigns(client, team_member):
    make_campaign(title="Accessible minibus")
    make_campaign(title="Independent network", status=CampaignStatus.SUCCESSFUL)
    private = make_campaign(title="Someone's private plan", audience=Audience.PRIVATE)
    client.force_login(team_member)
    page = client.get("/admin/crowdfunding/campaigns/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Accessible minibus" in text and "Independent network" in text
    assert private.title not in text
    filtered = client.get("/admin/crowdfunding/campaigns/", {"status": "successful"})
    assert "Accessible minibus" not in filtered.content.decode()
    searched = client.get("/admin/crowdfunding/campaigns/", {"q": "minibus"}).content.decode()
    assert "Accessible minibus" in searched and "Independent network" not in searched


def test_pledges_are_listed_by_reference_without_backers(client, team_member):
    campaign = make_campaign()
    backing = paid_pledge(campaign, message="Courage")
    client.force_login(team_member)
    text = client.get("/admin/crowdfunding/pledges/").content.decode()
    assert backing.payment_reference in text
    assert backing.owner.email not in text and backing.owner.profile.handle not in text
    assert client.get("/admin/crowdfunding/pledges/", {"status": "paid"}).status_code == 200
    assert client.get("/admin/crowdfunding/pledges/new/").status_code in (302, 403, 404)


def test_hook_stent_demo_data_crowdfunding_in_french_and_english(settings):
    from plugins.crowdfunding.plugin import stent_demo_data

    settings.DEBUG = True
    stent_demo_data(seed=1)
    stent_demo_data(seed=1)
    titles = list(Campaign.objects.values_list("title", flat=True))
    assert len(titles) == 3
    assert any("réseau" in t for t in titles) and any("minibus" in t for t in titles)
    live = Campaign.objects.get(slug="reseau-independant-2026")
    paid = Pledge.objects.filter(campaign=live, status="paid")
    assert live.raised == sum(p.amount for p in paid) and live.backer_count == paid.count()
