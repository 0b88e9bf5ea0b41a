"""Who may write: a listing's owner; the request steps check their member in the services."""
from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import BasePermission


class IsListingOwner(BasePermission):
    message = _("Only the listing's owner may do this.")

    def has_object_permission(self, request, view, obj):
        return obj.owner_id is not None and obj.owner_id == request.user.pk
