"""Pieces the toys_donation views share: documented refusals, lookups by UUID."""
import uuid

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse

from core.errors import NotFound
from plugins.toys_donation.serializers import DetailSerializer

REFUSALS = {400: OpenApiResponse(description=_("Invalid input.")),
            401: OpenApiResponse(DetailSerializer, description=_("Not signed in.")),
            403: OpenApiResponse(DetailSerializer, description=_("Not allowed.")),
            404: OpenApiResponse(DetailSerializer, description=_("Not found.")),
            409: OpenApiResponse(DetailSerializer, description=_("Conflicts with its state."))}


def refusals(*codes):
    return {code: REFUSALS[code] for code in codes}


def visible_or_404(queryset, pk, message=None):
    """The object of ``queryset`` (already visible_to-filtered) with this UUID, else 404."""
    try:
        key = uuid.UUID(str(pk))
    except ValueError:
        raise NotFound(message)
    found = queryset.filter(pk=key).first()
    if found is None:
        raise NotFound(message)
    return found
