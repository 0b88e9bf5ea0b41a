"""With crowdfunding enabled: the toy tier appears as a reward kind and its real pledges
allocate money once. Skipped when crowdfunding is not installed (run after both are merged)."""
import pytest
from django.apps import apps

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not apps.is_installed("plugins.crowdfunding"),
                       reason="crowdfunding is not installed"),
]


def test_the_toy_donation_kind_is_offered_to_tiers():
    from plugins.crowdfunding.reward_kinds import reward_kinds

    assert "toys_donation.toys" in reward_kinds()


def test_alone_the_plugin_offers_no_allocations_endpoint_without_crowdfunding(client):
    # With crowdfunding installed the endpoint exists (and answers publicly).
    assert client.get("/api/v1/toys_donation/allocations/").status_code == 200
