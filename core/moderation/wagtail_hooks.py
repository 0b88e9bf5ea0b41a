"""Wagtail admin of moderation: the reports queue (filters, search, hide/restore/dismiss) and
the moderation history."""
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from core.errors import DomainError
from core.moderation import services
from core.moderation.models import ModerationAction, Report
from core.moderation.services import moderates_anything

ACTIONS = {"hide": _("Hide the content"), "restore": _("Restore the content"),
           "dismiss": _("Dismiss the report")}


class ReportIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        for action, label in ACTIONS.items():
            buttons.append(MenuItem(label, reverse("moderation_report_action",
                                                   args=[instance.pk, action]),
                                    icon_name="view" if action == "restore" else "cross",
                                    priority=40))
        return buttons


class ReportViewSet(ModelViewSet):
    model = Report
    icon = "warning"
    menu_label = _("Reports")
    index_view_class = ReportIndexView
    inspect_view_enabled = True
    copy_view_enabled = False
    # Moderators never see who reported: the reporter is left out of every view.
    form_fields = ["state"]
    list_display = ["created_at", "reason", "target_type", "target_id", "community", "state"]
    list_filter = ["state", "reason", "target_type", "community"]
    search_fields = ["comment", "target_id"]
    inspect_view_fields = ["created_at", "reason", "comment", "target_type", "target_id",
                           "community", "state", "resolved_at"]


class ModerationActionViewSet(ModelViewSet):
    model = ModerationAction
    icon = "history"
    menu_label = _("Moderation history")
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["reason"]
    list_display = ["created_at", "kind", "moderator", "target_type", "target_id", "until"]
    list_filter = ["kind", "target_type"]
    search_fields = ["reason", "target_id"]


class ModerationGroup(ModelViewSetGroup):
    menu_label = _("Moderation")
    menu_icon = "warning"
    menu_order = 300
    items = (ReportViewSet("moderation_reports"), ModerationActionViewSet("moderation_actions"))


@hooks.register("register_admin_viewset")
def register_viewsets():
    return ModerationGroup()


def report_action_view(request, pk, action):
    """Confirm (GET) then apply (POST) a moderator's decision on a report's target."""
    if action not in ACTIONS or not moderates_anything(request.user):
        raise PermissionDenied
    report = get_object_or_404(Report, pk=pk)
    if request.method == "POST":
        model = report.target_type.model_class()
        reason = request.POST.get("reason", "")[:2000]
        try:
            if action == "dismiss":
                services.dismiss(request.user, report.pk, reason=reason)
            else:
                getattr(services, action)(request.user, model, report.target_id, reason=reason)
        except DomainError as refusal:  # the rule's own message, in the moderator's language
            messages.error(request, refusal.message)
        else:
            messages.success(request, _("Done: %(action)s.") % {"action": ACTIONS[action]})
        return redirect("moderation_reports:index")
    return TemplateResponse(request, "moderation/report_action.html", {
        "report": report, "action_label": ACTIONS[action], "csrf_token": get_token(request)})


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("moderation/reports/<uuid:pk>/<str:action>/", report_action_view,
                 name="moderation_report_action")]
