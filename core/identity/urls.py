"""API URLs of core.identity, mounted under /api/v1/."""
from django.urls import path

from core.identity import api, circle_views, circles

urlpatterns = [
    path("me/", api.MeView.as_view(), name="me"),
    path("me/avatar/", api.AvatarView.as_view(), name="me-avatar"),
    path("me/verification/", api.VerificationView.as_view(), name="me-verification"),
    path("members/<str:handle>/", api.MemberDetailView.as_view(), name="member-detail"),
    path("members/<str:handle>/avatar/", api.MemberAvatarView.as_view(), name="member-avatar"),
    path("conditions/", api.ConditionListView.as_view(), name="condition-list"),
    path("me/circle/", circle_views.CircleView.as_view(), name="me-circle"),
    path("me/circle/received/<str:handle>/accept/",
         circle_views.CircleAnswerView.as_view(accept=True), name="me-circle-accept"),
    path("me/circle/received/<str:handle>/decline/",
         circle_views.CircleAnswerView.as_view(accept=False), name="me-circle-decline"),
    path("me/circle/received/<str:handle>/",
         circle_views.CircleLinkView.as_view(end_link=circles.leave), name="me-circle-received"),
    path("me/circle/sent/<str:handle>/",
         circle_views.CircleLinkView.as_view(end_link=circles.remove), name="me-circle-sent"),
]
