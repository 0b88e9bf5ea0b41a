"""The iCalendar renderer: feeds are ``text/calendar``; errors stay JSON."""
from rest_framework.renderers import BaseRenderer, JSONRenderer


class ICalendarRenderer(BaseRenderer):
    media_type = "text/calendar"
    format = "ics"
    charset = "utf-8"
    render_style = "binary"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data if isinstance(data, bytes) else b""


class CalendarResponseMixin:
    """Views answering .ics: content negotiation accepts text/calendar; errors are JSON."""

    renderer_classes = [ICalendarRenderer, JSONRenderer]

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code >= 400 and isinstance(
                getattr(response, "accepted_renderer", None), ICalendarRenderer):
            response.accepted_renderer = JSONRenderer()
            response.accepted_media_type = "application/json"
        return response
