"""With crowdfunding enabled: the toy tier appears as a reward kind and its real pledges
allocate money once. Skipped when crowdfunding is not installed (run after both are merged)."""
from importlib.util import find_spec

import pytest
from django.apps import apps

# The shell of crowdfunding may be installed without its reward kinds yet.
CROWDFUNDING = apps.is_installed("plugins.crowdfunding") and find_spec(
    "plugins.crowdfunding.reward_kinds") is not None

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not CROWDFUNDING, reason="crowdfunding (with reward kinds) is not "
                                                "installed"),
]


def test_the_toy_donation_kind_is_offered_to_tiers():
    from plugins.crowdfunding.reward_kinds import reward_kinds

    assert "toys_donation.toys" in reward_kinds()


def test_with_crowdfunding_the_allocations_endpoint_answers(client):
    assert client.get("/api/v1/toys_donation/allocations/").status_code == 200
