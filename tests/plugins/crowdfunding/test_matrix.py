"""Every Audienced model of crowdfunding through the privacy matrix (tests/kit)."""
import pytest

from plugins.crowdfunding.models import Pledge, PledgeStatus
from plugins.crowdfunding.services.updates import post_update
from tests.kit import assert_follows_matrix
from tests.plugins.crowdfunding.factories import make_campaign

pytestmark = pytest.mark.django_db

URL = "/api/v1/crowdfunding/campaigns/"


def test_campaigns_follow_the_matrix():
    assert_follows_matrix(
        lambda owner, audience, community: make_campaign(owner=owner, audience=audience,
                                                         community=community),
        lambda campaign: f"{URL}{campaign.pk}/", list_url=URL)


def test_updates_follow_the_matrix():
    """A public campaign's updates, each posted with one audience by the world's owner."""
    campaign = make_campaign()

    def make_update(owner, audience, community):
        update = post_update(campaign, owner, title=f"News for {audience}", body="...")
        type(update).objects.filter(pk=update.pk).update(audience=audience, community=community)
        return update

    assert_follows_matrix(make_update, list_url=f"{URL}{campaign.pk}/updates/")


def test_pledges_follow_the_matrix_through_visible_to():
    """The API lists pledges in two places only: the named backers (public, paid pledges,
    checked in test_privacy.py) and the backer's own ones; the matrix checks visible_to itself,
    which those reads start from."""
    campaign = make_campaign()

    def make_pledge(owner, audience, community):
        return Pledge.objects.create(owner=owner, campaign=campaign, amount=2_500,
                                     currency="EUR", provider="manual", audience=audience,
                                     community=community, status=PledgeStatus.PAID)

    assert_follows_matrix(make_pledge)
