"""The 4xx responses every crowdfunding operation declares in the OpenAPI schema."""
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, inline_serializer
from rest_framework import serializers

DETAIL = inline_serializer("CrowdfundingError", {"detail": serializers.CharField()})

ERRORS = {
    400: OpenApiResponse(OpenApiTypes.OBJECT, description=(
        'Bad input: {"field": ["message"]} or {"detail": "message"}.')),
    404: OpenApiResponse(DETAIL, description="No such object, or not one you may see."),
}
WRITE_ERRORS = {
    **ERRORS,
    401: OpenApiResponse(DETAIL, description="Sign in first."),
    403: OpenApiResponse(DETAIL, description="Not allowed."),
    409: OpenApiResponse(DETAIL, description="Conflicts with the current state."),
}
