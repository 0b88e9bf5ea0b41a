"""Wagtail admin: moderators verify institutions; managers see wards, wishlists and pledges
(pledges without donors' e-mails: the list shows quantities and states only)."""
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
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import ListingButton

from core.errors import DomainError
from core.moderation.roles import is_moderator
from plugins.toys_donation.models import Institution, Pledge, Purchase, Ward, WishlistItem
from plugins.toys_donation.services.institutions import verify_institution


class VerifyView(WagtailAdminTemplateMixin, FormView):
    """A moderator verifies an institution (it then appears to everyone), through the same
    service as the API's ``verify``."""

    template_name = "wagtailadmin/generic/form.html"
    form_class = forms.Form
    header_icon = "tick"
    page_title = _("Verify an institution")

    def dispatch(self, request, pk):
        if not is_moderator(request.user):
            raise PermissionDenied
        self.institution = get_object_or_404(Institution.objects.visible_to(request.user),
                                             pk=pk)
        return super().dispatch(request)

    def get_page_subtitle(self):
        return self.institution.name

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=self.request.path, submit_button_label=_("Verify: it appears to all"),
            **kwargs)

    def form_valid(self, form):
        try:
            verify_institution(self.institution)
            messages.success(self.request, _("The institution is verified."))
        except DomainError as refusal:
            messages.error(self.request, str(refusal.message))
        return redirect(reverse("toys_institutions:index"))


class VisibleInstitutionsView(IndexView):
    def get_base_queryset(self):
        # Moderators see unverified institutions (to verify them), never a private one.
        return Institution.objects.visible_to(self.request.user)

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.verified_at is None and is_moderator(self.request.user):
            buttons.append(ListingButton(_("Verify"), url=reverse(
                "toys_institutions:verify", args=[instance.pk]), icon_name="tick", priority=5))
        return buttons


class InstitutionAdminViewSet(ModelViewSet):
    model = Institution
    index_view_class = VisibleInstitutionsView
    url_prefix = "toys-institutions"
    name = "toys_institutions"
    icon = "home"
    menu_label = _("Institutions")
    list_display = ["name", "kind", "city", "region", "verified_at", "created_at"]
    list_filter = ["kind", "region", "verified_at"]
    search_fields = ["name", "city", "region"]
    search_backend_name = None
    form_fields = ["name", "kind", "city", "region", "audience"]
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(),
                path("verify/<uuid:pk>/", VerifyView.as_view(), name="verify")]


class WardAdminViewSet(ModelViewSet):
    model = Ward
    url_prefix = "toys-wards"
    name = "toys_wards"
    icon = "group"
    menu_label = _("Wards")
    list_display = ["name", "institution", "wishlist_open", "impact_public"]
    list_filter = ["wishlist_open", "impact_public", "accepts_dropoff", "accepts_shipping"]
    search_fields = ["name", "institution__name"]
    search_backend_name = None
    form_fields = ["name", "delivery_address", "accepts_dropoff", "accepts_shipping",
                   "wishlist_open", "impact_public"]
    copy_view_enabled = False


class ItemAdminViewSet(ModelViewSet):
    model = WishlistItem
    url_prefix = "toys-items"
    name = "toys_items"
    icon = "list-ul"
    menu_label = _("Wishlist items")
    list_display = ["title", "ward", "category", "quantity_needed", "quantity_pledged",
                    "quantity_received", "priority", "is_open"]
    list_filter = ["category", "priority", "is_open", "new_only", "no_soft_toys"]
    search_fields = ["title", "notes"]
    search_backend_name = None
    form_fields = ["title", "category", "age_min", "age_max", "quantity_needed", "new_only",
                   "washable", "no_soft_toys", "notes", "priority", "is_open"]
    copy_view_enabled = False


class PledgeAdminViewSet(ModelViewSet):
    model = Pledge
    url_prefix = "toys-pledges"
    name = "toys_pledges"
    icon = "tick"
    menu_label = _("Pledges")
    list_display = ["item", "quantity", "method", "status", "expires_at", "created_at"]
    list_filter = ["status", "method"]
    search_fields = ["item__title"]
    search_backend_name = None
    form_fields = ["status"]
    add_view_enabled = False
    copy_view_enabled = False


class PurchaseAdminViewSet(ModelViewSet):
    model = Purchase
    url_prefix = "toys-purchases"
    name = "toys_purchases"
    icon = "form"
    menu_label = _("Purchases")
    list_display = ["description", "ward", "amount", "currency", "purchased_on"]
    list_filter = ["currency", "purchased_on"]
    search_fields = ["description"]
    search_backend_name = None
    form_fields = ["description", "amount", "currency", "purchased_on"]
    copy_view_enabled = False


class ToysAdminGroup(ViewSetGroup):
    menu_label = _("Toy donation")
    menu_icon = "pick"
    items = (InstitutionAdminViewSet, WardAdminViewSet, ItemAdminViewSet, PledgeAdminViewSet,
             PurchaseAdminViewSet)


@hooks.register("register_admin_viewset")
def register_toys_admin():
    return ToysAdminGroup()
