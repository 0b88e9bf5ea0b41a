"""A request id for every request, on its log lines and in the ``X-Request-ID`` response header.

The access line names the URL pattern (``api/v1/members/<str:handle>/``), never the path or the
query string, which may carry a handle, a token or an e-mail address.
"""
import logging
import re
import time
import uuid
from contextvars import ContextVar

request_id_var: ContextVar[str | None] = ContextVar("stent_request_id", default=None)
# A load balancer's id is kept only if it cannot smuggle anything into the logs.
INCOMING_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
HEADER = "X-Request-ID"

access_logger = logging.getLogger("stent.request")


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to every record (None outside a request: commands, workers)."""

    def filter(self, record):
        record.request_id = request_id_var.get()
        return True


def incoming_or_new_id(header_value: str | None) -> str:
    if header_value and INCOMING_ID.match(header_value):
        return header_value
    return uuid.uuid4().hex


class RequestIdMiddleware:
    """Outermost middleware: sets the id, times the request and writes one access line."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = incoming_or_new_id(request.headers.get(HEADER))
        token = request_id_var.set(request_id)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response[HEADER] = request_id
            match = getattr(request, "resolver_match", None)
            access_logger.info("%s %s %s", request.method,
                               match.route if match else "<unresolved>", response.status_code,
                               extra={"method": request.method,
                                      "route": match.route if match else None,
                                      "status": response.status_code,
                                      "duration_ms": round((time.monotonic() - started) * 1000,
                                                           1)})
            return response
        finally:
            request_id_var.reset(token)
