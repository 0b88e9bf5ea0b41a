"""Wagtail admin: polls and surveys listed with filters and search, for moderators and managers.

Ballots and responses have no admin view at all: who voted or answered what is never shown.
"""
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from plugins.polls.models import Poll, Survey


class VisibleIndexView(IndexView):
    def get_base_queryset(self):
        # Moderators and managers see what visible_to() lets them: never a private object.
        return self.model.objects.visible_to(self.request.user).select_related("community")


class PollAdminViewSet(ModelViewSet):
    model = Poll
    url_prefix = "polls"
    name = "polls_admin"
    icon = "list-ul"
    menu_label = _("Polls")
    index_view_class = VisibleIndexView
    list_display = ["question", "audience", "community", "voter_count", "opens_at",
                    "closes_at"]
    list_filter = ["audience", "about_health", "secret_ballot", "results_visibility",
                   "community"]
    search_fields = ["question", "details"]
    search_backend_name = None
    form_fields = ["question", "details", "closes_at", "audience", "community",
                   "results_visibility"]
    inspect_view_enabled = True
    copy_view_enabled = False


class SurveyAdminViewSet(ModelViewSet):
    model = Survey
    url_prefix = "surveys"
    name = "surveys_admin"
    icon = "form"
    menu_label = _("Surveys")
    index_view_class = VisibleIndexView
    list_display = ["title", "audience", "community", "response_count", "published_at",
                    "closes_at"]
    list_filter = ["audience", "results_audience", "consent_purpose", "community"]
    search_fields = ["title", "introduction"]
    search_backend_name = None
    form_fields = ["title", "introduction", "closes_at", "audience", "community",
                   "results_audience", "target_responses", "estimated_minutes"]
    inspect_view_enabled = True
    copy_view_enabled = False


class PollsAdminGroup(ViewSetGroup):
    menu_label = _("Polls and surveys")
    menu_icon = "list-ul"
    items = (PollAdminViewSet, SurveyAdminViewSet)


@hooks.register("register_admin_viewset")
def register_polls_admin():
    return PollsAdminGroup()
