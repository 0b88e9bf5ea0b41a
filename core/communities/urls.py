"""API URLs of core.communities, mounted under /api/v1/."""
from rest_framework.routers import SimpleRouter

from core.communities.api import CommunityViewSet

router = SimpleRouter()
router.register("communities", CommunityViewSet, basename="community")

urlpatterns = router.urls
