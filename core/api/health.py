"""GET /healthz: whether the database, and the cache and search when configured, answer; how many
background tasks wait for a worker (the load balancer reads the status, operators the depth)."""
import logging

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from core.api.queue_depth import queue_depth

logger = logging.getLogger(__name__)


def _check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _check_cache():
    cache.set("stent:healthz", "ok", 5)
    if cache.get("stent:healthz") != "ok":
        raise RuntimeError("cache did not return what was stored")


def _check_search():
    from elasticsearch import Elasticsearch  # a heavy client, loaded only if search is set up

    client = Elasticsearch(settings.ELASTICSEARCH_URL, request_timeout=3)
    if not client.ping():
        raise RuntimeError("Elasticsearch did not answer")


@never_cache
@require_GET
def healthz(request):
    checks = {"database": _check_database}
    if settings.REDIS_URL:
        checks["cache"] = _check_cache
    if settings.ELASTICSEARCH_URL:
        checks["search"] = _check_search
    results = {}
    for name, check in checks.items():
        try:
            check()
            results[name] = "ok"
        except Exception as error:  # a health check reports failures, it does not raise them
            logger.warning("Health check %s failed: %s", name, error)
            results[name] = "unavailable"
    body = {"checks": results}
    try:
        depth = queue_depth()
        if depth is not None:
            body["tasks"] = {"queued": depth}
    except Exception as error:  # a queue that cannot be read is a failed check
        logger.warning("Health check tasks failed: %s", error)
        results["tasks"] = "unavailable"
    healthy = all(value == "ok" for value in results.values())
    return JsonResponse({"status": "ok" if healthy else "unavailable", **body},
                        status=200 if healthy else 503)
