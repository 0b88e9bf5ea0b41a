"""URL patterns of the polls API; the core mounts them at /api/v1/polls/."""
from django.urls import path
from rest_framework.routers import SimpleRouter

from core.api.views import plugin_info_view

from plugins.polls.api.polls import PollViewSet
from plugins.polls.api.responses import MyResponseView, SubmitView
from plugins.polls.api.structure import (QuestionDetailView, QuestionListView,
                                         SectionDetailView, SectionListView)
from plugins.polls.api.surveys import SurveyViewSet

router = SimpleRouter()
router.register("polls", PollViewSet, basename="poll")
router.register("surveys", SurveyViewSet, basename="survey")

urlpatterns = [
    path("", plugin_info_view("polls"), name="info"),
    path("surveys/<str:survey>/sections/", SectionListView.as_view(), name="sections"),
    path("surveys/<str:survey>/sections/<uuid:pk>/", SectionDetailView.as_view(),
         name="section"),
    path("surveys/<str:survey>/questions/", QuestionListView.as_view(), name="questions"),
    path("surveys/<str:survey>/questions/<uuid:pk>/", QuestionDetailView.as_view(),
         name="question"),
    path("surveys/<str:survey>/responses/mine/", MyResponseView.as_view(), name="my-response"),
    path("surveys/<str:survey>/responses/mine/submit/", SubmitView.as_view(),
         name="submit-response"),
    *router.urls,
]
