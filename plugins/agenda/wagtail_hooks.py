"""Wagtail admin for the agenda's managers and moderators: events and venues, with list filters
and search, and the registrations (read only) with the date each is for. Writes go through the
services: the same rules, notifications and accessibility index as the API."""
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic import CreateView, EditView, IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from core.errors import DomainError
from plugins.agenda import queries
from plugins.agenda.models import FEATURES, Event, Registration, Venue
from plugins.agenda.services.events import create_event, update_event
from plugins.agenda.services.venues import create_venue, update_venue


class ThroughServicesMixin:
    """The admin saves through the same services as the API; a refused rule is a form error."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except DomainError as refusal:
            errors = getattr(refusal, "errors", None) or {None: [refusal.message]}
            for field, messages in errors.items():
                for message in messages:
                    form.add_error(field if field in form.fields else None, str(message))
            return self.form_invalid(form)


class EventIndexView(IndexView):
    def get_base_queryset(self):
        # Moderators and managers see what visible_to() lets them: never a private event.
        return Event.objects.visible_to(self.request.user).select_related("community", "venue")


class EventCreateView(ThroughServicesMixin, CreateView):
    def save_instance(self):
        return create_event(self.request.user, **self.form.cleaned_data)


class EventEditView(ThroughServicesMixin, EditView):
    def save_instance(self):
        changes = {name: self.form.cleaned_data[name] for name in self.form.changed_data}
        return update_event(Event.objects.get(pk=self.object.pk), self.request.user, **changes)


class EventAdminViewSet(ModelViewSet):
    model = Event
    icon = "date"
    menu_label = _("Events")
    index_view_class = EventIndexView
    add_view_class = EventCreateView
    edit_view_class = EventEditView
    list_display = ["title", "category", "starts_at", "status", "audience", "region",
                    "places_taken", "capacity"]
    list_filter = ["category", "status", "mode", "audience", "region", "community",
                   "registration_required", *FEATURES]
    search_fields = ["title", "description", "region"]
    search_backend_name = None  # plain database lookups: no index to keep in sync here
    form_fields = ["title", "description", "category", "organiser_kind", "audience",
                   "community", "timezone", "all_day", "starts_at", "ends_at", "recurrence",
                   "mode", "venue", "region", "online_url", "registration_required", "capacity",
                   "max_companions", "companions_free", "requires_approval",
                   "registration_scope", *FEATURES, "accessibility_notes"]
    inspect_view_enabled = True
    copy_view_enabled = False


class VenueIndexView(IndexView):
    def get_base_queryset(self):
        return Venue.objects.visible_to(self.request.user)


class VenueCreateView(ThroughServicesMixin, CreateView):
    def save_instance(self):
        return create_venue(self.request.user, **self.form.cleaned_data)


class VenueEditView(ThroughServicesMixin, EditView):
    def save_instance(self):
        return update_venue(self.form.save(commit=False))


class VenueAdminViewSet(ModelViewSet):
    model = Venue
    icon = "site"
    menu_label = _("Venues")
    index_view_class = VenueIndexView
    add_view_class = VenueCreateView
    edit_view_class = VenueEditView
    list_display = ["name", "city", "region", "audience"]
    list_filter = ["region", "audience", *FEATURES]
    search_fields = ["name", "address", "city", "region"]
    search_backend_name = None
    form_fields = ["name", "address", "postcode", "city", "region", "country", "audience",
                   *FEATURES, "accessibility_notes"]
    inspect_view_enabled = True
    copy_view_enabled = False


class RegistrationsReadOnly(ModelPermissionPolicy):
    """Registrations hold places and waiting-list positions: they change through the services
    (the API), never by an edited row."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class RegistrationIndexView(IndexView):
    def get_base_queryset(self):
        return queries.registrations_seen_in_admin(self.request.user)


class RegistrationAdminViewSet(ModelViewSet):
    """Who is registered for what, and for which date of a series; never the access needs
    shared (they are for the organiser), so no inspect view."""

    model = Registration
    icon = "group"
    menu_label = _("Registrations")
    index_view_class = RegistrationIndexView
    list_display = ["event", "occurrence", "handle", "status", "companions", "position",
                    "created_at"]
    list_filter = ["status", "occurrence__cancelled", "created_at"]
    search_fields = ["event__title"]
    search_backend_name = None
    form_fields = ["status"]
    inspect_view_enabled = False
    copy_view_enabled = False


register_permission_policy(Registration, RegistrationsReadOnly(Registration))


class AgendaAdminGroup(ViewSetGroup):
    menu_label = _("Agenda")
    menu_icon = "date"
    items = (EventAdminViewSet("agenda_events"), VenueAdminViewSet("agenda_venues"),
             RegistrationAdminViewSet("agenda_registrations"))


@hooks.register("register_admin_viewset")
def register_agenda_admin():
    return AgendaAdminGroup()
