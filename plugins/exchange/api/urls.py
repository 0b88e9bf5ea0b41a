"""URL patterns of the exchange API, mounted at /api/v1/exchange/."""
from django.urls import path
from rest_framework.routers import SimpleRouter

from plugins.exchange.api import people, requests
from plugins.exchange.api.listings import CategoryViewSet, ListingViewSet
from core.api.views import plugin_info_view

router = SimpleRouter()
router.register("categories", CategoryViewSet, basename="exchange-category")
router.register("listings", ListingViewSet, basename="exchange-listing")

urlpatterns = [
    path("", plugin_info_view("exchange"), name="info"),
    *router.urls,
    path("listings/<uuid:listing>/requests/", requests.ListingRequestsView.as_view(),
         name="exchange-listing-requests"),
    path("requests/<uuid:pk>/", requests.RequestView.as_view(), name="exchange-request"),
    path("requests/<uuid:pk>/accept/", requests.accept_view, name="exchange-request-accept"),
    path("requests/<uuid:pk>/decline/", requests.decline_view, name="exchange-request-decline"),
    path("requests/<uuid:pk>/cancel/", requests.cancel_view, name="exchange-request-cancel"),
    path("requests/<uuid:pk>/handover/", requests.handover_view,
         name="exchange-request-handover"),
    path("requests/<uuid:pk>/receive/", requests.receive_view, name="exchange-request-receive"),
    path("requests/<uuid:pk>/return/", requests.return_view, name="exchange-request-return"),
    path("requests/<uuid:pk>/report/", requests.ReportConversationView.as_view(),
         name="exchange-request-report"),
    path("requests/<uuid:pk>/messages/", requests.MessagesView.as_view(),
         name="exchange-request-messages"),
    path("requests/<uuid:pk>/thanks/", requests.ThanksView.as_view(),
         name="exchange-request-thanks"),
    path("members/<str:handle>/", people.GiverView.as_view(), name="exchange-member"),
    path("me/", people.MyGiverProfileView.as_view(), name="exchange-me"),
    path("stats/", people.StatsView.as_view(), name="exchange-stats"),
]
