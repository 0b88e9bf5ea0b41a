"""API URLs of core.moderation, mounted under /api/v1/."""
from django.urls import path

from core.moderation import api

urlpatterns = [
    path("reports/", api.ReportCreateView.as_view(), name="report-create"),
    path("moderation/reports/", api.ReportQueueView.as_view(), name="moderation-reports"),
    path("moderation/reports/<uuid:pk>/dismiss/", api.ReportDismissView.as_view(),
         name="moderation-report-dismiss"),
    path("moderation/hide/", api.hide_view, name="moderation-hide"),
    path("moderation/restore/", api.restore_view, name="moderation-restore"),
    path("moderation/members/<str:handle>/warn/", api.warn_view, name="moderation-warn"),
    path("moderation/members/<str:handle>/suspend/", api.suspend_view,
         name="moderation-suspend"),
    path("moderation/members/<str:handle>/block/", api.block_member_view,
         name="moderation-block"),
    path("moderation/members/<str:handle>/reinstate/", api.reinstate_view,
         name="moderation-reinstate"),
    path("me/blocks/", api.BlockListView.as_view(), name="block-list"),
    path("me/blocks/<str:handle>/", api.BlockDetailView.as_view(), name="block-detail"),
]
