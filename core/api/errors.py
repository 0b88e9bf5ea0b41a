"""JSON errors everywhere under /api/: DRF's shapes, right status codes, never an HTML page."""
import logging

from django.core.exceptions import PermissionDenied, ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler, set_rollback

from core.errors import DomainError

logger = logging.getLogger(__name__)


class Conflict(exceptions.APIException):
    """409: the request clashes with what is stored (a second signature, a stale state)."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = "This conflicts with the current state of the resource."
    default_code = "conflict"


def exception_handler(exc, context):
    """DRF's handler, plus the core's domain errors and Django's ValidationError (a 400, not a
    500)."""
    if isinstance(exc, DomainError):
        set_rollback()  # a refused rule leaves nothing half-written in ATOMIC_REQUESTS views
        return Response(exc.as_data(), status=exc.status_code)
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
        exc = exceptions.ValidationError(detail)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    return drf_exception_handler(exc, context)


def json_error(status_code: int, detail: str) -> JsonResponse:
    return JsonResponse({"detail": detail}, status=status_code)
