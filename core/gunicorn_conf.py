"""gunicorn's settings for ``make serve`` and the Procfile, from the same environment as Django's.

Used as ``gunicorn -c python:core.gunicorn_conf core.wsgi:application``.
"""
import os

from core.config.env import env_bool
from core.config.logs import logging_settings

bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# SIGTERM: stop accepting, let requests in flight finish for this long, then stop.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
# A worker is replaced after this many requests, so that a slow leak never takes a server down.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "1000"))
max_requests_jitter = max_requests // 10
# No gunicorn access log: its lines hold raw paths and query strings (handles, tokens); the
# request-id middleware writes one line per request naming the route instead.
accesslog = None
logconfig_dict = logging_settings(
    json_lines=env_bool("STENT_LOG_JSON", not env_bool("DEBUG", True)),
    level=os.environ.get("LOG_LEVEL", "INFO"),
    libraries_level=os.environ.get("LOG_LEVEL_LIBRARIES", "WARNING"))
