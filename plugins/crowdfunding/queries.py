"""Every read of crowdfunding data starts here, from visible_to()."""
from django.db.models import Exists, Q

from core.privacy.audiences import Audience
from plugins.crowdfunding.models import Campaign, CampaignUpdate, Pledge, PledgeStatus


def campaigns_visible_to(user):
    """Campaigns the user may see (the lifecycle rule is in CampaignQuerySet.visible_to)."""
    return Campaign.objects.visible_to(user)


def named_pledges(campaign, user):
    """The public list of backers: paid pledges whose backer chose to be named."""
    return (Pledge.objects.visible_to(user)
            .filter(campaign=campaign, audience=Audience.PUBLIC, status=PledgeStatus.PAID))


def pledges_of(user):
    """A backer's own pledges (through visible_to: the owner always sees theirs)."""
    if user is None or not user.is_authenticated:
        return Pledge.objects.none()
    return Pledge.objects.visible_to(user).filter(owner=user)


def pledges_for_managers(campaign):
    """Every pledge of a managed campaign: the managers' view (serialised without the handle
    of anonymous backers)."""
    return Pledge.objects.filter(campaign=campaign)


def updates_visible_to(campaign, user):
    """Public updates for whoever sees the campaign; backers' updates for its paid backers and
    managers as well."""
    queryset = CampaignUpdate.objects.filter(campaign=campaign)
    visible = Q(pk__in=CampaignUpdate.objects.visible_to(user).values("pk"))
    if user is not None and user.is_authenticated:
        from plugins.crowdfunding.roles import is_campaign_manager

        if is_campaign_manager(user, campaign):
            return queryset
        backs = Exists(Pledge.objects.filter(campaign=campaign, owner=user,
                                             status=PledgeStatus.PAID))
        visible |= Q(backers_only=True, hidden_at__isnull=True) & Q(backs)
    return queryset.filter(visible)
