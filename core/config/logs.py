"""``LOGGING``: JSON lines with a request id in production, plain text in development."""


def logging_settings(*, json_lines: bool, level: str, libraries_level: str) -> dict:
    formatter = {
        "()": "pythonjsonlogger.json.JsonFormatter",
        "format": "%(levelname)s %(name)s %(message)s %(request_id)s",
        "rename_fields": {"levelname": "level", "name": "logger"},
        "timestamp": "time",  # ISO 8601 in UTC, whatever the site's time zone
    } if json_lines else {"format": "%(levelname)s %(name)s [%(request_id)s] %(message)s"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "core.observability.request_id.RequestIdFilter"}},
        "formatters": {"default": formatter},
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "default",
                                 "filters": ["request_id"]}},
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Every task run and page edit at INFO drowns the console (seeding logs hundreds).
            **{name: {"level": libraries_level}
               for name in ("django_tasks", "django_tasks_db", "wagtail", "rq.worker")},
            # "Not Found: /api/v1/members/<handle>/": the raw path may name a member; our own
            # access line (stent.request) names the route instead.
            "django.request": {"level": "ERROR"},
            # gunicorn's and uvicorn's own lines go through the same JSON formatter.
            "gunicorn.error": {"handlers": ["console"], "level": level, "propagate": False},
            "uvicorn.error": {"handlers": ["console"], "level": level, "propagate": False},
        },
    }
