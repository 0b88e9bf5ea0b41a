"""URL patterns of the crowdfunding API; the core mounts them at /api/v1/crowdfunding/."""
from django.urls import path
from rest_framework.routers import SimpleRouter

from plugins.crowdfunding.api import pledges, providers, tiers, updates
from plugins.crowdfunding.api.campaigns import CampaignViewSet
from core.api.views import plugin_info_view

router = SimpleRouter()
router.register("campaigns", CampaignViewSet, basename="campaign")

urlpatterns = [
    path("", plugin_info_view("crowdfunding"), name="info"),
    path("campaigns/<str:campaign>/tiers/", tiers.TierListView.as_view(), name="tiers"),
    path("campaigns/<str:campaign>/tiers/<uuid:pk>/", tiers.TierDetailView.as_view(),
         name="tier"),
    path("campaigns/<str:campaign>/pledges/", pledges.CampaignPledgesView.as_view(),
         name="pledges"),
    path("campaigns/<str:campaign>/pledges/mine/", pledges.MyCampaignPledgesView.as_view(),
         name="my-campaign-pledges"),
    path("campaigns/<str:campaign>/pledges/managed/", pledges.ManagedPledgesView.as_view(),
         name="managed-pledges"),
    path("campaigns/<str:campaign>/transfers/confirm/", pledges.ConfirmTransferView.as_view(),
         name="confirm-transfer"),
    path("campaigns/<str:campaign>/updates/", updates.UpdateListView.as_view(), name="updates"),
    path("pledges/mine/", pledges.MyPledgesView.as_view(), name="my-pledges"),
    path("pledges/<uuid:pk>/", pledges.PledgeView.as_view(), name="pledge"),
    path("pledges/<uuid:pk>/cancel/", pledges.CancelPledgeView.as_view(), name="pledge-cancel"),
    path("pledges/<uuid:pk>/confirm-payment/", pledges.ConfirmPaymentView.as_view(),
         name="pledge-confirm-payment"),
    path("pledges/<uuid:pk>/refunded/", pledges.MarkRefundedView.as_view(),
         name="pledge-refunded"),
    path("pledges/<uuid:pk>/fulfil/", pledges.FulfilView.as_view(), name="pledge-fulfil"),
    path("providers/", providers.ProviderListView.as_view(), name="providers"),
    path("providers/<str:name>/webhook/", providers.WebhookView.as_view(), name="webhook"),
    path("reward-kinds/", providers.RewardKindListView.as_view(), name="reward-kinds"),
    *router.urls,
]
