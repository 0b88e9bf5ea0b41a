"""API URLs of core.moderation, mounted under /api/v1/."""

urlpatterns = []
