"""Wagtail admin of core.privacy: the privacy policy versions (editors) and the audit log
(administrators only, read-only)."""
import json

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from core.privacy.audit import record
from core.privacy.models import AuditEntry, PrivacyPolicyVersion
from core.privacy.services import export_member


class SuperusersMayOnlyReadPolicy(BasePermissionPolicy):
    """The audit log is read by administrators, and written by nobody through the admin."""

    def user_has_permission(self, user, action):
        return action in {"view", "inspect"} and user.is_active and user.is_superuser

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        if not {"view", "inspect"} & set(actions):
            return get_user_model().objects.none()
        return get_user_model().objects.filter(is_active=True, is_superuser=True)

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


register_permission_policy(AuditEntry, SuperusersMayOnlyReadPolicy(AuditEntry))


class PrivacyPolicyViewSet(ModelViewSet):
    model = PrivacyPolicyVersion
    icon = "doc-full"
    menu_label = _("Privacy policy")
    add_to_admin_menu = True
    menu_order = 800
    form_fields = ["version", "effective_date", "text_en", "text_fr"]
    list_display = ["version", "effective_date", "created_at"]
    search_fields = ["version"]
    copy_view_enabled = True


class AuditLogViewSet(ModelViewSet):
    model = AuditEntry
    icon = "list-ul"
    menu_label = _("Audit log")
    add_to_settings_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["action", "detail"]  # never editable: the policy grants view only
    list_display = ["created_at", "action", "actor", "subject", "target_type", "target_id"]
    list_filter = ["action", "target_type", "created_at"]
    search_fields = ["action", "detail"]


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [PrivacyPolicyViewSet("privacy_policy"), AuditLogViewSet("audit_log")]


def member_export_view(request, member_id):
    """An administrator downloads a member's export (e.g. to answer a request by post):
    recorded in the audit log."""
    if not request.user.is_superuser:
        raise PermissionDenied
    member = get_object_or_404(get_user_model(), pk=member_id)
    record(request.user, "privacy.export_viewed", subject=member, target=member)
    response = HttpResponse(json.dumps(export_member(member), cls=DjangoJSONEncoder, indent=2),
                            content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="stent-export-{member.pk}.json"'
    return response


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("privacy/export/<int:member_id>/", member_export_view,
                 name="privacy_member_export")]
