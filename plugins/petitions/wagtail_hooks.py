"""Wagtail admin for moderators: petitions listed with filters and search, and their review."""
from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import ListingButton

from core.errors import DomainError
from core.moderation.roles import is_moderator
from plugins.petitions import services
from plugins.petitions.models import Petition, Status


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect, choices=[
        ("publish", _("Publish: signing opens")), ("reject", _("Reject, with a reason"))])
    reason = forms.CharField(label=_("Reason given to the promoters"), required=False,
                             widget=forms.Textarea, max_length=2000)

    def clean(self):
        data = super().clean()
        if data.get("decision") == "reject" and not data.get("reason"):
            self.add_error("reason", _("Say why the petition is rejected."))
        return data


class ReviewView(WagtailAdminTemplateMixin, FormView):
    """Publish or reject a submitted petition, through the same service as the API."""

    template_name = "wagtailadmin/generic/form.html"
    form_class = ReviewForm
    header_icon = "doc-full"
    page_title = _("Review a petition")

    def dispatch(self, request, pk):
        if not is_moderator(request.user):
            raise PermissionDenied
        self.petition = get_object_or_404(Petition.objects.visible_to(request.user), pk=pk,
                                          status=Status.SUBMITTED)
        return super().dispatch(request)

    def get_page_subtitle(self):
        return self.petition.title

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=self.request.path, submit_button_label=_("Record the decision"),
            **kwargs)

    def form_valid(self, form):
        try:
            if form.cleaned_data["decision"] == "publish":
                services.publish(self.petition, moderator=self.request.user)
                messages.success(self.request, _("The petition is published."))
            else:
                services.reject(self.petition, reason=form.cleaned_data["reason"],
                                moderator=self.request.user)
                messages.success(self.request, _("The petition is rejected."))
        except DomainError as refusal:
            messages.error(self.request, str(refusal.message))
        return redirect(reverse("petitions_admin:index"))


class PetitionIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.status == Status.SUBMITTED and is_moderator(self.request.user):
            buttons.append(ListingButton(_("Review"), url=reverse(
                "petitions_admin:review", args=[instance.pk]), icon_name="tick", priority=5))
        return buttons

    def get_base_queryset(self):
        # Moderators see what visible_to() lets them: never a private petition.
        return Petition.objects.visible_to(self.request.user).select_related("community")


class PetitionAdminViewSet(ModelViewSet):
    model = Petition
    url_prefix = "petitions"
    name = "petitions_admin"
    icon = "doc-full"
    menu_label = _("Petitions")
    add_to_admin_menu = True
    index_view_class = PetitionIndexView
    list_display = ["title", "status", "audience", "signature_count", "target", "created_at"]
    list_filter = ["status", "audience", "community"]
    search_fields = ["title", "text", "target"]
    search_backend_name = None  # plain database lookups: no index to keep in sync here
    form_fields = ["title", "text", "target", "closes_at", "audience", "community"]
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(),
                path("review/<uuid:pk>/", ReviewView.as_view(), name="review")]


@hooks.register("register_admin_viewset")
def register_petitions_admin():
    return PetitionAdminViewSet()
