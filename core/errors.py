"""Domain errors: what services raise when a rule says no. The API and the admin translate them.

Services never speak HTTP: they raise one of these, with a message already marked for
translation, and ``core.api.errors.exception_handler`` (API) or the admin views turn them into a
response. Each class carries the HTTP status it maps to, so the mapping lives in one place.
"""
from __future__ import annotations

from django.utils.translation import gettext_lazy as _


class DomainError(Exception):
    """Base class: a rule of the domain refused the operation."""

    status_code = 400
    default_message = _("This request cannot be carried out.")
    default_code = "invalid"

    def __init__(self, message=None, *, code: str | None = None):
        self.message = message if message is not None else self.default_message
        self.code = code or self.default_code
        super().__init__(str(self.message))

    def as_data(self):
        """The body of the error response: DRF's ``{"detail": message}`` shape."""
        return {"detail": self.message}


class Invalid(DomainError):
    """400: the input breaks a rule. ``Invalid("field", "message")`` points at one field,
    ``Invalid({"field": ["message"], ...})`` at several, ``Invalid("message")`` at none."""

    default_code = "invalid"

    def __init__(self, field_or_errors=None, message=None, *, code: str | None = None):
        if isinstance(field_or_errors, dict):
            self.errors = {key: value if isinstance(value, (list, tuple)) else [value]
                           for key, value in field_or_errors.items()}
            first = next(iter(self.errors.values()), [self.default_message])
            super().__init__(first[0], code=code)
        elif message is not None:
            self.errors = {field_or_errors: [message]}
            super().__init__(message, code=code)
        else:
            self.errors = None
            super().__init__(field_or_errors, code=code)

    def as_data(self):
        if self.errors is None:
            return {"detail": self.message}
        return {key: list(value) for key, value in self.errors.items()}


class NotAllowed(DomainError):
    """403: the person may not do this (the object is visible to them)."""

    status_code = 403
    default_message = _("You may not do this.")
    default_code = "not_allowed"


class NotFound(DomainError):
    """404: no such object, or one the person may not see (never tell them apart)."""

    status_code = 404
    default_message = _("Not found.")
    default_code = "not_found"


class Conflict(DomainError):
    """409: the request clashes with the stored state (a second vote, a closed poll)."""

    status_code = 409
    default_message = _("This conflicts with the current state of the resource.")
    default_code = "conflict"


class Gone(DomainError):
    """410: the thing existed and is over for good (an expired link, an erased account)."""

    status_code = 410
    default_message = _("This is no longer available.")
    default_code = "gone"


class RateLimited(DomainError):
    """429: the same action was asked too often; try again later."""

    status_code = 429
    default_message = _("Too many requests; please try again later.")
    default_code = "rate_limited"
