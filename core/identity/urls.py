"""API URLs of core.identity, mounted under /api/v1/."""

urlpatterns = []
