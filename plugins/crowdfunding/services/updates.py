"""News for backers, posted by a campaign's managers."""
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _

from core.errors import Conflict
from core.privacy.audiences import Audience
from plugins.crowdfunding import notifications
from plugins.crowdfunding.models import CampaignStatus, CampaignUpdate, PledgeStatus


def paid_backers(campaign):
    return list(get_user_model().objects.filter(
        crowdfunding_pledge_owned__campaign=campaign,
        crowdfunding_pledge_owned__status=PledgeStatus.PAID).distinct())


@transaction.atomic
def post_update(campaign, author, *, title: str, body: str, backers_only: bool = False):
    if campaign.status in (CampaignStatus.DRAFT, CampaignStatus.IN_REVIEW,
                           CampaignStatus.REJECTED):
        raise Conflict(_("Updates are posted once the campaign is live."))
    update = CampaignUpdate.objects.create(
        campaign=campaign, owner=author, title=title, body=body, backers_only=backers_only,
        # A public update reaches the campaign's audience; a backers' one is read through
        # queries.updates_visible_to, which adds the backers to its owner.
        audience=Audience.PRIVATE if backers_only else campaign.audience,
        community=campaign.community)
    notifications.update_posted(update, paid_backers(campaign))
    return update
