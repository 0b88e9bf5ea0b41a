"""URL patterns of the toys_donation API; the core mounts them at /api/v1/toys_donation/.

Allocations and purchases exist only when crowdfunding is enabled (they record its money)."""
from django.apps import apps
from django.urls import path
from rest_framework.routers import SimpleRouter

from core.api.views import plugin_info_view
from plugins.toys_donation.api.institutions import InstitutionViewSet
from plugins.toys_donation.api.money import AllocationsView, ImpactView, PurchaseViewSet
from plugins.toys_donation.api.pledges import PledgeViewSet
from plugins.toys_donation.api.thanks import ThanksViewSet
from plugins.toys_donation.api.wards import (WardPledgesView, WardViewSet, WishlistItemView,
                                             WishlistView)


def urlpatterns_now():
    router = SimpleRouter()
    router.register("institutions", InstitutionViewSet, basename="institution")
    router.register("wards", WardViewSet, basename="ward")
    router.register("pledges", PledgeViewSet, basename="pledge")
    router.register("thanks", ThanksViewSet, basename="thanks")
    patterns = [
        path("", plugin_info_view("toys_donation"), name="info"),
        path("impact/", ImpactView.as_view(), name="impact"),
        path("wards/<str:ward>/wishlist/", WishlistView.as_view(), name="wishlist"),
        path("wards/<str:ward>/wishlist/<str:pk>/", WishlistItemView.as_view(),
             name="wishlist-item"),
        path("wards/<str:ward>/pledges/", WardPledgesView.as_view(), name="ward-pledges"),
    ]
    if apps.is_installed("plugins.crowdfunding"):
        router.register("purchases", PurchaseViewSet, basename="purchase")
        patterns.append(path("allocations/", AllocationsView.as_view(), name="allocations"))
    return [*patterns, *router.urls]
