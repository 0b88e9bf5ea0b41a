"""Wagtail admin for moderators and managers: campaigns and pledges, with filters and search.

Pledges are listed without the backer: managers reach a pledge by its payment reference, and
its shipping details only while the reward is to fulfil (the model drops them afterwards).
"""
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from plugins.crowdfunding.models import Campaign, Pledge
from plugins.crowdfunding.queries import campaigns_visible_to


class CampaignAdminViewSet(ModelViewSet):
    model = Campaign
    url_prefix = "crowdfunding/campaigns"
    name = "crowdfunding_campaigns"
    icon = "pick"
    menu_label = _("Campaigns")
    list_display = ["title", "status", "audience", "goal", "raised", "currency", "ends_at"]
    list_filter = ["status", "funding_model", "audience", "community"]
    search_fields = ["title", "story"]
    search_backend_name = None  # plain database lookups: no index to keep in sync here
    form_fields = ["title", "story", "vat_note", "audience", "community"]
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_queryset(self, request):
        # What visible_to() lets the admin user see: never a private campaign of someone else.
        return campaigns_visible_to(request.user)


class PledgesChangedNotAdded(ModelPermissionPolicy):
    """A pledge is made by its backer through the API, never typed in by an admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class PledgeAdminViewSet(ModelViewSet):
    model = Pledge
    url_prefix = "crowdfunding/pledges"
    name = "crowdfunding_pledges"
    icon = "form"
    menu_label = _("Pledges")
    list_display = ["payment_reference", "campaign", "tier", "amount", "currency", "status",
                    "reward_status", "created_at"]
    list_filter = ["status", "reward_status", "provider", "campaign"]
    search_fields = ["payment_reference"]
    search_backend_name = None
    form_fields = ["reward_status"]
    inspect_view_enabled = False
    copy_view_enabled = False


class CrowdfundingAdminGroup(ViewSetGroup):
    menu_label = _("Crowdfunding")
    menu_icon = "pick"
    items = (CampaignAdminViewSet, PledgeAdminViewSet)


register_permission_policy(Pledge, PledgesChangedNotAdded(Pledge))


@hooks.register("register_admin_viewset")
def register_crowdfunding_admin():
    return CrowdfundingAdminGroup()
