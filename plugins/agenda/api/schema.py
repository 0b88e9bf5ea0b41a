"""The error responses the agenda's operations declare in the OpenAPI schema."""
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, inline_serializer
from rest_framework import serializers

DETAIL = inline_serializer("AgendaErrorDetail", {"detail": serializers.CharField()})

BAD_INPUT = OpenApiResponse(OpenApiTypes.OBJECT,
                            description='Bad input: {"field": ["message"]} or {"detail": ...}.')
UNAUTHENTICATED = OpenApiResponse(DETAIL, description="Sign in first.")
FORBIDDEN = OpenApiResponse(DETAIL, description="Not allowed (e.g. not the organiser).")
NOT_FOUND = OpenApiResponse(DETAIL, description="No such object, or one you may not see.")
CONFLICT = OpenApiResponse(DETAIL, description="Clashes with the current state.")
GONE = OpenApiResponse(DETAIL, description="No longer available.")


def errors(*codes):
    """``{400: ..., 404: ...}`` for ``extend_schema(responses={...})``."""
    known = {400: BAD_INPUT, 401: UNAUTHENTICATED, 403: FORBIDDEN, 404: NOT_FOUND,
             409: CONFLICT, 410: GONE}
    return {code: known[code] for code in codes}


OCCURRENCE_PARAMETER = OpenApiParameter(
    "occurrence", OpenApiTypes.UUID, OpenApiParameter.QUERY, required=False,
    description="When the event takes registrations for one date at a time (registration_scope "
                "occurrence): the id of that occurrence (required, except to filter the "
                "organiser's list). Ignored for an event registering for the series.")
