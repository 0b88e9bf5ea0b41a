"""API URLs of core.communities, mounted under /api/v1/."""

urlpatterns = []
