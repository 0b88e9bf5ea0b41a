"""API URLs of core.notifications, mounted under /api/v1/."""
from django.urls import path

from core.notifications import api, pages

urlpatterns = [*pages.urlpatterns,
    path("me/notifications/", api.NotificationListView.as_view(), name="notification-list"),
    path("me/notifications/read-all/", api.NotificationReadAllView.as_view(),
         name="notification-read-all"),
    path("me/notifications/<uuid:pk>/read/", api.NotificationReadView.as_view(),
         name="notification-read"),
    path("me/notification-preferences/", api.NotificationPreferencesView.as_view(),
         name="notification-preferences"),
]
