"""API URLs of core.identity, mounted under /api/v1/."""
from django.urls import path

from core.identity import api, links

urlpatterns = [
    path("me/", api.MeView.as_view(), name="me"),
    path("me/avatar/", api.AvatarView.as_view(), name="me-avatar"),
    path("me/verification/", api.VerificationView.as_view(), name="me-verification"),
    path("members/<str:handle>/", api.MemberDetailView.as_view(), name="member-detail"),
    path("members/<str:handle>/avatar/", api.MemberAvatarView.as_view(), name="member-avatar"),
    path("conditions/", api.ConditionListView.as_view(), name="condition-list"),
    # The links allauth e-mails when STENT_FRONTEND_URL is left to its default (this API).
    path("account/verify-email/<str:key>", links.VerifyEmailLinkView.as_view(),
         name="emailed-verify-email"),
    path("account/password/reset/key/<str:key>", links.ResetPasswordLinkView.as_view(),
         name="emailed-reset-password"),
]
