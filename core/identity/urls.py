"""API URLs of core.identity, mounted under /api/v1/."""
from django.urls import path

from core.identity import api

urlpatterns = [
    path("me/", api.MeView.as_view(), name="me"),
    path("me/avatar/", api.AvatarView.as_view(), name="me-avatar"),
    path("me/verification/", api.VerificationView.as_view(), name="me-verification"),
    path("members/<str:handle>/", api.MemberDetailView.as_view(), name="member-detail"),
    path("members/<str:handle>/avatar/", api.MemberAvatarView.as_view(), name="member-avatar"),
    path("conditions/", api.ConditionListView.as_view(), name="condition-list"),
]
