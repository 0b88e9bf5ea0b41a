"""The shared pagination: {"next", "previous", "results"}, page_size capped at 100."""
from django.conf import settings
from rest_framework.pagination import CursorPagination, PageNumberPagination


class StentCursorPagination(CursorPagination):
    """For large, growing collections: stable pages while rows are added.

    Views set ``ordering`` to a unique or near-unique field (newest first by default).
    """

    ordering = "-created_at"
    page_size_query_param = "page_size"

    @property
    def max_page_size(self):
        return settings.STENT_API_PAGE_SIZE_MAX


class StentPageNumberPagination(PageNumberPagination):
    """For small, bounded collections where a front-end wants a total and page numbers."""

    page_size_query_param = "page_size"

    @property
    def max_page_size(self):
        return settings.STENT_API_PAGE_SIZE_MAX
