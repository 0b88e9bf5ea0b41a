"""Wagtail admin: editors curate the conditions vocabulary, moderators review verifications."""
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.errors import DomainError
from core.identity import services
from core.identity.models import Condition, VerificationRequest
from core.privacy import audit

REVIEW_PERMISSION = "identity.change_verificationrequest"


class ConditionViewSet(SnippetViewSet):
    model = Condition
    icon = "tag"
    menu_label = _("Conditions")
    list_display = ["name", "name_fr", "slug"]
    search_fields = ["name", "name_fr", "slug"]


register_snippet(ConditionViewSet)


class DecisionForm(WagtailAdminModelForm):
    """A moderator's decision: approve, or reject with a reason the member will read."""

    state = forms.ChoiceField(label=_("decision"), choices=[
        (VerificationRequest.State.APPROVED, _("Approve")),
        (VerificationRequest.State.REJECTED, _("Reject"))])

    class Meta:
        model = VerificationRequest
        fields = ["state", "reason"]

    def clean(self):
        cleaned = super().clean()
        if (cleaned.get("state") == VerificationRequest.State.REJECTED
                and not cleaned.get("reason", "").strip()):
            self.add_error("reason", _("Say why the request is rejected."))
        return cleaned


class DecideView(generic.EditView):
    def get(self, request, *args, **kwargs):
        # Opening a request shows a member's registry number and document link: audited.
        response = super().get(request, *args, **kwargs)
        audit.record(request.user, "identity.verification_viewed",
                     subject=self.object.member, target=self.object)
        return response

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except DomainError as refusal:  # e.g. reviewed meanwhile by someone else
            messages.error(self.request, refusal.message)
            return self.form_invalid(form)

    def save_instance(self):
        # The decision goes through the service: locking, the badge, telling the member.
        return services.decide_verification(
            self.object, reviewer=self.request.user,
            approve=self.form.cleaned_data["state"] == VerificationRequest.State.APPROVED,
            reason=self.form.cleaned_data.get("reason", ""))


class DocumentColumn(Column):
    def get_value(self, instance):
        url = reverse("identity_verification_document", args=[instance.pk])
        return format_html('<a href="{}">{}</a>', url, _("document"))


class VerificationRequestViewSet(ModelViewSet):
    model = VerificationRequest
    icon = "success"
    menu_label = _("Verifications")
    add_to_admin_menu = True
    form_class = DecisionForm
    edit_view_class = DecideView
    copy_view_enabled = False
    list_display = ["member_handle", "registry", "registry_number", "state", "created_at",
                    DocumentColumn("document", label=_("document"))]
    list_filter = ["state", "registry"]
    search_fields = ["registry_number", "member__profile__handle"]
    ordering = ["-created_at"]

    def get_form_class(self, for_update=False):
        return DecisionForm


@hooks.register("register_admin_viewset")
def register_verification_viewset():
    return VerificationRequestViewSet("verifications")


@permission_required(REVIEW_PERMISSION, raise_exception=True)
def verification_document(request, pk):
    """Streams a verification document to a reviewer: the only way it ever leaves storage."""
    verification = get_object_or_404(VerificationRequest, pk=pk)
    audit.record(request.user, "identity.verification_document_downloaded",
                 subject=verification.member, target=verification)
    return FileResponse(verification.document.open("rb"), as_attachment=True,
                        filename=verification.document.name.rsplit("/", 1)[-1])


@hooks.register("register_admin_urls")
def register_document_url():
    return [path("verification-documents/<uuid:pk>/", verification_document,
                 name="identity_verification_document")]
