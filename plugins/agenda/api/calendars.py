"""iCalendar feeds: one event, a community's events, a member's registrations (by token)."""
from datetime import timedelta

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from core.communities.models import Community
from core.errors import NotFound
from plugins.agenda import queries
from plugins.agenda.api.renderers import CalendarResponseMixin
from plugins.agenda.api.schema import errors
from plugins.agenda.ics import calendar_of
from plugins.agenda.services.needs import member_of_feed

ICS = {(200, "text/calendar"): OpenApiResponse(OpenApiTypes.BINARY,
                                                description="An RFC 5545 calendar.")}
#: A community's feed leaves out events over for longer than this.
RECENT = timedelta(days=30)
MAX_EVENTS = 500


def with_related(events):
    return events.select_related("venue").order_by("starts_at", "id")[:MAX_EVENTS]


class CalendarView(CalendarResponseMixin, APIView):
    permission_classes = [AllowAny]

    def calendar(self, events, name, dates=()):
        body = calendar_of(with_related(events), name=name, dates=dates,
                           base_url=self.request.build_absolute_uri("/").rstrip("/"))
        response = Response(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="calendar.ics"'
        return response


class EventCalendarView(CalendarView):
    @extend_schema(responses={**ICS, **errors(404)})
    def get(self, request, event):
        found = queries.event_for(request.user, event)
        return self.calendar(queries.events_for(request.user).filter(pk=found.pk), found.title)


class CommunityCalendarView(CalendarView):
    @extend_schema(responses={**ICS, **errors(404)})
    def get(self, request, slug):
        community = Community.objects.filter(slug=slug).first()
        if community is None:
            raise NotFound()
        recent = timezone.now() - RECENT
        events = queries.community_events(request.user, community).filter(
            last_ends_at__gte=recent)
        return self.calendar(events, community.name)


class FeedCalendarView(CalendarView):
    """A member's own feed: anyone holding the token reads it, until it is revoked."""

    authentication_classes = []

    @extend_schema(responses={**ICS, **errors(404)}, auth=[])
    def get(self, request, token):
        member = member_of_feed(token)
        return self.calendar(queries.registered_events(member), "Stent",
                             queries.registered_dates(member))
