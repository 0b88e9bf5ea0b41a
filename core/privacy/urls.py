"""API URLs of core.privacy, mounted under /api/v1/ (erasure lives on core.identity's /me/)."""
from django.urls import path

from core.privacy import circles, views

urlpatterns = [
    path("privacy-policy/", views.PrivacyPolicyView.as_view(), name="privacy-policy"),
    path("me/consents/", views.ConsentsView.as_view(), name="me-consents"),
    path("me/export/", views.ExportView.as_view(), name="me-export"),
    path("me/circle/", views.CircleView.as_view(), name="me-circle"),
    path("me/circle/received/<str:handle>/accept/",
         views.CircleAnswerView.as_view(accept=True), name="me-circle-accept"),
    path("me/circle/received/<str:handle>/decline/",
         views.CircleAnswerView.as_view(accept=False), name="me-circle-decline"),
    path("me/circle/received/<str:handle>/", views.CircleLinkView.as_view(end_link=circles.leave),
         name="me-circle-received"),
    path("me/circle/sent/<str:handle>/", views.CircleLinkView.as_view(end_link=circles.remove),
         name="me-circle-sent"),
]
