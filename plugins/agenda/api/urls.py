"""URL patterns of the agenda API; the core mounts them at /api/v1/agenda/."""
from django.urls import path
from rest_framework.routers import SimpleRouter

from plugins.agenda.api.calendars import (CommunityCalendarView, EventCalendarView,
                                          FeedCalendarView)
from plugins.agenda.api.events import EventViewSet
from plugins.agenda.api.members import FeedListView, FeedRevokeView, NeedsView
from plugins.agenda.api.occurrences import OccurrenceListView
from plugins.agenda.api.registrations import (ConfirmOfferView, DecisionView,
                                              MyRegistrationView, ParticipantListView,
                                              RefuseView, RegistrationListView, WaitingListView)
from plugins.agenda.api.rsvp import RsvpView
from plugins.agenda.api.venues import VenueViewSet
from core.api.views import plugin_info_view

router = SimpleRouter()
router.register("events", EventViewSet, basename="event")
router.register("venues", VenueViewSet, basename="venue")

EVENT = "events/<uuid:event>/"

urlpatterns = [
    path("", plugin_info_view("agenda"), name="info"),
    path("occurrences/", OccurrenceListView.as_view(), name="occurrences"),
    path(f"{EVENT}registrations/", RegistrationListView.as_view(), name="registrations"),
    path(f"{EVENT}registrations/mine/", MyRegistrationView.as_view(), name="my-registration"),
    path(f"{EVENT}registrations/mine/confirm/", ConfirmOfferView.as_view(),
         name="confirm-offer"),
    path(f"{EVENT}registrations/<uuid:registration>/approve/", DecisionView.as_view(),
         name="approve"),
    path(f"{EVENT}registrations/<uuid:registration>/refuse/", RefuseView.as_view(),
         name="refuse"),
    path(f"{EVENT}participants/", ParticipantListView.as_view(), name="participants"),
    path(f"{EVENT}waiting-list/", WaitingListView.as_view(), name="waiting-list"),
    path(f"{EVENT}rsvp/", RsvpView.as_view(), name="rsvp"),
    path(f"{EVENT}calendar.ics", EventCalendarView.as_view(), name="event-calendar"),
    path("communities/<slug:slug>/calendar.ics", CommunityCalendarView.as_view(),
         name="community-calendar"),
    path("me/needs/", NeedsView.as_view(), name="needs"),
    path("me/feed/", FeedListView.as_view(), name="feeds"),
    path("me/feed/<uuid:feed>/", FeedRevokeView.as_view(), name="feed-revoke"),
    path("feed/<str:token>.ics", FeedCalendarView.as_view(), name="feed"),
    *router.urls,
]
