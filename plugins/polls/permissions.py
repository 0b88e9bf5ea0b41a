"""Who may act on polls and surveys: authors close their polls, managers run their surveys."""
from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import BasePermission

from plugins.polls.queries import can_build_surveys, is_survey_manager


class IsAuthor(BasePermission):
    message = _("Only the author may do this.")

    def has_object_permission(self, request, view, obj):
        return request.user.is_authenticated and obj.owner_id == request.user.pk


class CanBuildSurveys(BasePermission):
    message = _("Only members who manage a community, or associations, build surveys.")

    def has_permission(self, request, view):
        return can_build_surveys(request.user)


class IsSurveyManager(BasePermission):
    message = _("Only the survey's managers may do this.")

    def has_object_permission(self, request, view, obj):
        return is_survey_manager(request.user, getattr(obj, "survey", obj))
