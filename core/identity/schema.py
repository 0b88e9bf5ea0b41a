"""drf-spectacular post-processing hook: allauth headless's own OpenAPI spec merged into ours.

allauth's views are plain Django views that drf-spectacular cannot see; allauth describes them in
its own spec (already re-rooted under /api/v1/auth/ and trimmed to the enabled features). Its
component names are prefixed with ``Allauth`` so they never collide with ours.
"""
import json
import re

from django.core.serializers.json import DjangoJSONEncoder

from core.identity.auth_urls import PHONE_PATH_PART

PREFIX = "Allauth"
TAG_PREFIX = "auth: "


def _prefix_refs(text: str) -> str:
    """Every ``#/components/<kind>/<Name>`` reference now points to ``<kind>/Allauth<Name>``."""
    return re.sub(r'"#/components/(\w+)/', lambda m: f'"#/components/{m.group(1)}/{PREFIX}', text)


def _operation_id(path: str, method: str) -> str:
    """``/api/v1/auth/{client}/v1/auth/login`` + post -> ``allauth_auth_login_post``."""
    tail = path.split("/v1/")[-1]
    return "allauth_" + re.sub(r"[^a-z0-9]+", "_", f"{tail}_{method}".lower()).strip("_")


def _tell_the_truth(spec: dict) -> None:
    """Where allauth's spec and its responses disagree, the spec follows the responses: an
    anonymous session's meta says ``is_authenticated: null``, an authenticated-meta schema is
    also used for the 401s of a pending flow (``false``), and an operation documented as
    needing re-authentication answers "authenticate" to an anonymous caller."""
    reauthentication = f"#/components/responses/{PREFIX}ReauthenticationRequired"
    either = {"$ref": f"#/components/responses/{PREFIX}AuthenticationOrReauthentication"}
    for operations in spec.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.get("responses", {}) if isinstance(operation, dict) else {}
            if responses.get("401", {}).get("$ref") == reauthentication:
                # Anonymous callers get allauth's "authenticate" 401, not "re-authenticate".
                responses["401"] = either
    schemas = spec.get("components", {}).get("schemas", {})
    for name in ("AuthenticationMeta", "AuthenticatedMeta"):
        for part in schemas.get(name, {}).get("allOf", []):
            flag = part.get("properties", {}).get("is_authenticated")
            if flag is not None:
                flag.pop("enum", None)
                flag["nullable"] = True


def merge_allauth_spec(result, generator, request, public):
    from allauth.headless.spec.internal.schema import get_schema  # reads the URLs on import

    spec = json.loads(_prefix_refs(json.dumps(get_schema(), cls=DjangoJSONEncoder)))
    _tell_the_truth(spec)
    for path, operations in spec["paths"].items():
        if PHONE_PATH_PART in path:  # not mounted (core.identity.auth_urls)
            continue
        shared_parameters = operations.pop("parameters", [])
        for method, operation in operations.items():
            operation["tags"] = [TAG_PREFIX + tag for tag in operation.get("tags", [])]
            # drf-spectacular needs an operationId on every operation; allauth has none.
            operation.setdefault("operationId", _operation_id(path, method))
            if shared_parameters:
                operation["parameters"] = shared_parameters + operation.get("parameters", [])
        result["paths"][path] = operations
    components = result.setdefault("components", {})
    for kind, entries in spec.get("components", {}).items():
        target = components.setdefault(kind, {})
        for name, entry in entries.items():
            target[PREFIX + name] = entry
    known_tags = {tag["name"] for tag in result.get("tags", [])}
    result.setdefault("tags", []).extend(
        {**tag, "name": TAG_PREFIX + tag["name"]} for tag in spec.get("tags", [])
        if TAG_PREFIX + tag["name"] not in known_tags)
    return result
