"""The CMS's API URLs, mounted under /api/v1/: pages, images, documents, preview and search."""
from django.urls import path

from cms.api import PreviewTokenView, api_router
from cms.search_view import SearchView

urlpatterns = [
    path("pages/preview-tokens/", PreviewTokenView.as_view(), name="page-preview-tokens"),
    path("search/", SearchView.as_view(), name="search"),
    path("", api_router.urls),
]
