"""drf-spectacular hooks: the public schema documents /api/v1/ only, and every error it can give."""

ERROR_COMPONENT = "ErrorResponse"
ERROR_SCHEMA = {
    "type": "object",
    "description": "An error: `detail` says what went wrong; a refused field is a key holding "
                   "its messages (`{\"title\": [\"This field is required.\"]}`).",
    "properties": {"detail": {"type": "string"}},
    "additionalProperties": True,
}
ERROR_REF = {"$ref": f"#/components/schemas/{ERROR_COMPONENT}"}
# Statuses any operation can answer, whatever its own rules.
STANDARD_ERRORS = {
    "400": "Invalid input: a malformed parameter or body, a refused value.",
    "401": "Not signed in, or the session token is invalid or expired.",
    "403": "Signed in, but not allowed to do this.",
    "404": "No such object, or not visible to the requester.",
    "406": "The requested format (`format` or `Accept`) is not offered.",
    "429": "Too many requests: wait for the `Retry-After` seconds.",
}
# Statuses only operations taking a body can answer.
BODY_ERRORS = {
    "413": "The request body is larger than the limit it names.",
    "415": "The body is not JSON, form or multipart data.",
}
BODY_METHODS = {"post", "put", "patch"}
METHODS = {"get", "post", "put", "patch", "delete", "head", "options", "trace"}


def only_public_api(endpoints, **kwargs):
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


def _error_response(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": ERROR_REF}}}


def document_errors(result, generator, request, public):
    """Adds the shared ``ErrorResponse`` component and, to each operation, the standard error
    responses it does not document itself (allauth's operations keep their own bodies)."""
    result.setdefault("components", {}).setdefault("schemas", {})[ERROR_COMPONENT] = ERROR_SCHEMA
    for operations in result.get("paths", {}).values():
        for method, operation in operations.items():
            if method not in METHODS:
                continue
            responses = operation.setdefault("responses", {})
            errors = dict(STANDARD_ERRORS)
            if method in BODY_METHODS:
                errors.update(BODY_ERRORS)
            for status, description in errors.items():
                responses.setdefault(status, _error_response(description))
    return result
