"""The shared pagination: {"next", "previous", "results"}, page_size capped at 100."""
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import CursorPagination, PageNumberPagination


class StentCursorPagination(CursorPagination):
    """For large, growing collections: stable pages while rows are added.

    Views set ``ordering`` to a unique or near-unique field (newest first by default).
    """

    ordering = "-created_at"
    page_size_query_param = "page_size"
    invalid_cursor_message = _("This cursor is not valid: use the next or previous link as given.")

    @property
    def max_page_size(self):
        return settings.STENT_API_PAGE_SIZE_MAX

    def decode_cursor(self, request):
        # A malformed cursor is a bad request, not a missing resource (DRF answers 404).
        try:
            return super().decode_cursor(request)
        except NotFound:
            raise ValidationError({self.cursor_query_param: [self.invalid_cursor_message]})


class StentPageNumberPagination(PageNumberPagination):
    """For small, bounded collections where a front-end wants a total and page numbers."""

    page_size_query_param = "page_size"

    @property
    def max_page_size(self):
        return settings.STENT_API_PAGE_SIZE_MAX
