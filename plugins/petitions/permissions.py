"""Who may act on a petition: its promoters (the author is one from the start)."""
from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import SAFE_METHODS, BasePermission

from core.privacy.permissions import IsOwnerOrManager
from plugins.petitions.models import Promoter


class IsPromoter(BasePermission):
    """An accepted promoter of the petition (or of the petition an object hangs on)."""

    message = _("Only the petition's promoters may do this.")

    def has_object_permission(self, request, view, obj):
        petition = getattr(obj, "petition", obj)
        return request.user.is_authenticated and petition.promoters.filter(
            member=request.user, status=Promoter.Status.ACCEPTED).exists()


class IsPromoterOrReadOnly(IsPromoter):
    """Reads for whoever may see the petition (the queryset decided); writes for promoters."""

    def has_object_permission(self, request, view, obj):
        return request.method in SAFE_METHODS or super().has_object_permission(request, view, obj)


class MayEditPetition(BasePermission):
    """The petition's own writes: promoters edit it; only its author (or a manager) deletes it."""

    message = IsPromoter.message

    def has_object_permission(self, request, view, obj):
        owner_or_manager = IsOwnerOrManager().has_object_permission(request, view, obj)
        if request.method in SAFE_METHODS or request.method == "DELETE":
            return owner_or_manager
        return owner_or_manager or IsPromoter().has_object_permission(request, view, obj)
