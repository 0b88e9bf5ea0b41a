"""API URLs of core.notifications, mounted under /api/v1/."""

urlpatterns = []
