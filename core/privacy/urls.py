"""API URLs of core.privacy, mounted under /api/v1/ (erasure lives on core.identity's /me/)."""
from django.urls import path

from core.privacy import views

urlpatterns = [
    path("privacy-policy/", views.PrivacyPolicyView.as_view(), name="privacy-policy"),
    path("me/consents/", views.ConsentsView.as_view(), name="me-consents"),
    path("me/export/", views.ExportView.as_view(), name="me-export"),
]
