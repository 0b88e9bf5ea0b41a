"""A campaign's life through the API: draft, review, live; what readers see at each stage."""
from datetime import timedelta

import pytest
from django.utils import timezone

from core.privacy.audiences import Audience
from plugins.crowdfunding.models import Campaign, CampaignStatus
from tests.factories import UserFactory
from tests.plugins.crowdfunding.conftest import client_for
from tests.plugins.crowdfunding.factories import USE_OF_FUNDS, draft, make_campaign, paid_pledge

pytestmark = pytest.mark.django_db

URL = "/api/v1/crowdfunding/campaigns/"


def body(**overrides):
    now = timezone.now()
    return {"title": "Fund our network", "story": "Members fund it, not industry.",
            "goal": 30_000_000, "currency": "EUR", "vat_note": "Goal excluding VAT",
            "starts_at": (now + timedelta(days=1)).isoformat(),
            "ends_at": (now + timedelta(days=90)).isoformat(),
            "use_of_funds": USE_OF_FUNDS, **overrides}


def test_an_owner_drafts_submits_and_a_moderator_approves(member, moderator):
    owner = client_for(member)
    created = owner.post(URL, body(stretch_goals=[{"amount": 35_000_000, "title": "Mobile app"}]),
                         format="json")
    assert created.status_code == 201, created.json()
    campaign = created.json()
    assert campaign["status"] == "draft" and campaign["goal"] == 30_000_000
    assert campaign["currency"] == "EUR" and campaign["raised"] == 0
    assert campaign["use_of_funds"] == USE_OF_FUNDS and campaign["owner"] == member.profile.handle
    url = f"{URL}{campaign['id']}/"
    # A draft is its owner's alone.
    assert client_for().get(url).status_code == 404
    assert client_for(UserFactory()).get(url).status_code == 404
    assert owner.post(url + "submit/").json()["status"] == "in_review"
    assert client_for(moderator).get(url).status_code == 200
    assert owner.post(url + "approve/").status_code == 403
    approved = client_for(moderator).post(url + "approve/")
    assert approved.status_code == 200 and approved.json()["status"] == "live"
    assert client_for().get(url).json()["is_open"] is False  # starts tomorrow
    assert client_for().get(f"{URL}{campaign['slug']}/").status_code == 200


def test_a_moderator_rejects_with_a_reason_and_the_owner_is_notified(
        member, moderator, django_capture_on_commit_callbacks):
    from core.notifications.models import Notification

    campaign = draft(owner=member, status=CampaignStatus.IN_REVIEW)
    url = f"{URL}{campaign.pk}/reject/"
    assert client_for(moderator).post(url, {}, format="json").status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        rejected = client_for(moderator).post(url, {"reason": "Say who runs it."},
                                              format="json")
    assert rejected.json()["status"] == "rejected"
    assert rejected.json()["rejection_reason"] == "Say who runs it."
    notice = Notification.objects.get(recipient=member)
    assert notice.kind == "crowdfunding.reviewed" and campaign.title in notice.title
    assert client_for(moderator).post(url, {"reason": "Again"}, format="json").status_code == 409


@pytest.mark.parametrize("change, field", [
    ({"goal": 0}, "goal"), ({"goal": 1.5}, "goal"), ({"goal": "lots"}, "goal"),
    ({"currency": "euro"}, "currency"), ({"currency": "XYZ"}, "currency"),
    ({"title": ""}, "title"),
    ({"ends_at": (timezone.now() - timedelta(days=400)).isoformat()}, "ends_at"),
    ({"use_of_funds": [{"label": "Development", "percent": 45}]}, "use_of_funds"),
    ({"use_of_funds": [{"label": "", "percent": 100}]}, "use_of_funds"),
    ({"use_of_funds": "all of it"}, "use_of_funds"),
    ({"stretch_goals": [{"amount": 1000, "title": "Below the goal"}]}, "stretch_goals"),
    ({"audience": "everybody"}, "audience"),
])
def test_bad_campaigns_are_refused_and_nothing_is_stored(member, change, field):
    response = client_for(member).post(URL, body(**change), format="json")
    assert response.status_code == 400, response.json()
    assert field in response.json()
    assert not Campaign.objects.exists()


def test_missing_fields_and_anonymous_writes():
    assert client_for().post(URL, body(), format="json").status_code in (401, 403)
    response = client_for(UserFactory()).post(URL, {}, format="json")
    assert response.status_code == 400
    assert {"title", "story", "goal", "currency", "starts_at", "ends_at"} <= set(response.json())


def test_only_the_owner_edits_and_only_words_once_live(member):
    campaign = make_campaign(owner=member)
    url = f"{URL}{campaign.pk}/"
    other = client_for(UserFactory())
    assert other.patch(url, {"story": "Mine now"}, format="json").status_code == 403
    owner = client_for(member)
    assert owner.patch(url, {"story": "Better told"}, format="json").json()["story"] == \
        "Better told"
    refused = owner.patch(url, {"goal": 1000}, format="json")
    assert refused.status_code == 409
    campaign.refresh_from_db()
    assert campaign.goal == 300_000 and campaign.story == "Better told"
    assert owner.delete(url).status_code == 409


def test_a_draft_is_deleted_by_its_owner(member):
    campaign = draft(owner=member)
    assert client_for(member).delete(f"{URL}{campaign.pk}/").status_code == 204
    assert not Campaign.objects.exists()


def test_submit_needs_the_use_of_funds_and_a_wider_audience(member):
    campaign = draft(owner=member, use_of_funds=[])
    url = f"{URL}{campaign.pk}/submit/"
    assert "use_of_funds" in client_for(member).post(url).json()
    Campaign.objects.filter(pk=campaign.pk).update(use_of_funds=USE_OF_FUNDS,
                                                   audience=Audience.PRIVATE)
    assert "audience" in client_for(member).post(url).json()
    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.DRAFT


def test_the_public_page_shows_progress_and_suppresses_small_backer_counts(settings):
    settings.STENT_MIN_GROUP_SIZE = 3
    campaign = make_campaign(goal=10_000)
    for _ in range(2):
        paid_pledge(campaign, amount=2_000)
    shown = client_for().get(f"{URL}{campaign.pk}/").json()
    assert (shown["raised"], shown["percentage"], shown["backers"]) == (4_000, 40, None)
    paid_pledge(campaign, amount=2_000)
    shown = client_for().get(f"{URL}{campaign.pk}/").json()
    assert (shown["raised"], shown["backers"]) == (6_000, 3)
    listed = client_for().get(URL).json()["results"][0]
    assert {key: listed[key] for key in shown} == shown


def test_stats_go_through_small_group_suppression(settings):
    from tests.plugins.crowdfunding.factories import make_tier

    settings.STENT_MIN_GROUP_SIZE = 2
    campaign = make_campaign()
    popular, middle, rare = (make_tier(campaign=campaign) for _ in range(3))
    for tier, backers in ((popular, 3), (middle, 2), (rare, 1)):
        for _ in range(backers):
            paid_pledge(campaign, tier=tier)
    stats = client_for().get(f"{URL}{campaign.pk}/stats/").json()
    by_tier = {row["id"]: row["backers"] for row in stats["tiers"]}
    assert by_tier[str(popular.pk)] == {"count": 3, "suppressed": False}
    assert by_tier[str(rare.pk)] == {"count": None, "suppressed": True}
    # Secondary suppression: the rare tier's count cannot be recomputed from the others.
    assert by_tier[str(middle.pk)] == {"count": None, "suppressed": True}
    assert stats["backers"] == {"count": 6, "suppressed": False}
    assert stats["raised"]["amount"] == 6 * 2_500 and stats["raised"]["currency"] == "EUR"


def test_the_list_filters_by_status():
    live = make_campaign()
    make_campaign(status=CampaignStatus.SUCCESSFUL)
    rows = client_for().get(URL, {"status": "live"}).json()["results"]
    assert [row["id"] for row in rows] == [str(live.pk)]


def test_moderators_review_a_community_campaign_in_review(moderator):
    """Issue 17 item 7: a campaign in review reaches moderators whatever its audience."""
    from tests.factories import CommunityFactory, MembershipFactory

    community = CommunityFactory()
    owner = MembershipFactory(community=community).member
    in_review = draft(owner=owner, audience=Audience.COMMUNITY, community=community,
                      status=CampaignStatus.IN_REVIEW)
    circle_draft = draft(owner=owner, audience=Audience.CIRCLE)
    client = client_for(moderator)
    assert client.get(f"{URL}{in_review.pk}/").status_code == 200
    assert client.get(f"{URL}{circle_draft.pk}/").status_code == 404
    approved = client.post(f"{URL}{in_review.pk}/approve/")
    assert approved.status_code == 200, approved.content
    in_review.refresh_from_db()
    assert in_review.status != CampaignStatus.IN_REVIEW
