"""Wagtail admin: the category tree and warning words for managers, listings for moderators
(filters and search; no member e-mail shown)."""
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from plugins.exchange.models import Category, Listing, WarningWord


class CategoryAdmin(ModelViewSet):
    model = Category
    url_prefix = "exchange/categories"
    name = "exchange_categories"
    icon = "folder-open-inverse"
    menu_label = _("Categories")
    list_display = ["slug", "name_en", "name_fr", "parent", "forbidden"]
    list_filter = ["forbidden", "parent"]
    search_fields = ["slug", "name_en", "name_fr"]
    search_backend_name = None
    form_fields = ["slug", "parent", "name_en", "name_fr", "forbidden", "safety_notice_en",
                   "safety_notice_fr", "position"]
    copy_view_enabled = False


class WarningWordAdmin(ModelViewSet):
    model = WarningWord
    url_prefix = "exchange/warning-words"
    name = "exchange_warning_words"
    icon = "warning"
    menu_label = _("Warning words")
    list_display = ["word", "language", "active"]
    list_filter = ["language", "active"]
    search_fields = ["word"]
    search_backend_name = None
    form_fields = ["word", "language", "active"]
    copy_view_enabled = False


class ListingAdmin(ModelViewSet):
    model = Listing
    url_prefix = "exchange/listings"
    name = "exchange_listings"
    icon = "list-ul"
    menu_label = _("Listings")
    list_display = ["title", "kind", "status", "category", "region", "postal_prefix",
                    "flagged_words", "published_at"]
    list_filter = ["kind", "status", "category", "audience", "region"]
    search_fields = ["title", "description", "region"]
    search_backend_name = None
    # Moderators hide or restore through the core's moderation; here they only correct texts.
    form_fields = ["title", "description", "category", "condition"]
    add_view_enabled = False
    inspect_view_enabled = True
    copy_view_enabled = False


class ExchangeAdminGroup(ViewSetGroup):
    menu_label = _("Equipment exchange")
    menu_icon = "group"
    items = (ListingAdmin, CategoryAdmin, WarningWordAdmin)


@hooks.register("register_admin_viewset")
def register_exchange_admin():
    return ExchangeAdminGroup()
