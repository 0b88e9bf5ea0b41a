"""API URLs of core.privacy, mounted under /api/v1/."""

urlpatterns = []
