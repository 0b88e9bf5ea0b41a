"""Benchmark case of the crowdfunding plugin: the campaigns list against its raw view."""
from benchmarks.cases import Case


def seed_campaigns(viewer, rows):
    """Campaigns of every audience and state, with the use of funds the list returns."""
    from datetime import timedelta

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from core.privacy.audiences import Audience
    from plugins.crowdfunding.models import Campaign, CampaignStatus

    owner = get_user_model().objects.create_user(email="bench-campaigner@stent.example",
                                                 password="x")
    audiences = [Audience.PUBLIC, Audience.MEMBERS, Audience.PUBLIC, Audience.PRIVATE]
    states = [CampaignStatus.LIVE, CampaignStatus.LIVE, CampaignStatus.SUCCESSFUL,
              CampaignStatus.DRAFT]
    now = timezone.now()
    Campaign.objects.bulk_create(
        Campaign(owner=owner, audience=audiences[i % 4], status=states[(i // 4) % 4],
                 slug=f"bench-campaign-{i}", title=f"Fund project {i}",
                 story="We fund our network with members, not industry money. " * 10,
                 goal=30_000_000, currency="EUR", raised=i * 1_000, backer_count=i,
                 vat_note="Goal excluding VAT", starts_at=now - timedelta(days=1),
                 ends_at=now + timedelta(days=60),
                 use_of_funds=[{"label": "Development", "percent": 45},
                               {"label": "Hosting", "percent": 55}])
        for i in range(rows))


CASES = [
    # The raw view reads the stored columns the list returns; the list adds what it computes
    # (formatted amounts, percentage, is_open, suppressed backers, cover URL).
    Case(name="crowdfunding campaigns", endpoint="/api/v1/crowdfunding/campaigns/",
         model_label="crowdfunding.Campaign", ordering=("-created_at",),
         fields=("id", "slug", "title", "story", "cover", "goal", "raised", "currency",
                 "backer_count", "vat_note", "starts_at", "ends_at", "funding_model",
                 "use_of_funds", "stretch_goals", "status", "audience", "community__slug",
                 "owner__profile__handle", "rejection_reason", "submitted_at", "approved_at",
                 "ended_at", "closed_at", "created_at"),
         seed=seed_campaigns),
]
