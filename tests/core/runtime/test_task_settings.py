"""TASKS_BACKEND: short names, full paths, the old database path, and the production default."""
import pytest
from django.core.exceptions import ImproperlyConfigured

from core.config.tasks import tasks_apps, tasks_backend, tasks_settings
from tests.stent_process import manage

PRODUCTION = {"DEBUG": "0", "SECRET_KEY": "x7#Qv2!mZp9@Lr4$Tb8&Wn1*Yk6^Hd3%Fs5(Gc0)Je-Pa+Ub=Ox_Iy",
              "ALLOWED_HOSTS": "stent.example.org"}


@pytest.mark.parametrize(("value", "debug", "expected"), [
    ("", True, "django_tasks.backends.immediate.ImmediateBackend"),
    ("", False, "django_tasks_db.DatabaseBackend"),
    ("immediate", False, "django_tasks.backends.immediate.ImmediateBackend"),
    ("Database", True, "django_tasks_db.DatabaseBackend"),
    ("rq", True, "django_tasks_rq.RQBackend"),
    ("django_tasks.backends.database.DatabaseBackend", True, "django_tasks_db.DatabaseBackend"),
    ("django_tasks.backends.dummy.DummyBackend", True, "django_tasks.backends.dummy.DummyBackend"),
])
def test_tasks_backend_names(value, debug, expected):
    assert tasks_backend(value, debug=debug) == expected


def test_an_unknown_short_name_is_refused_with_the_choices():
    with pytest.raises(ImproperlyConfigured, match="immediate, database, rq"):
        tasks_backend("celery", debug=True)


def test_rq_needs_redis_and_configures_its_queue():
    with pytest.raises(ImproperlyConfigured, match="REDIS_URL"):
        tasks_settings("rq", debug=False, redis_url="")
    settings = tasks_settings("rq", debug=False, redis_url="redis://127.0.0.1:6379/3")
    assert settings["RQ_QUEUES"]["default"]["URL"] == "redis://127.0.0.1:6379/3"
    assert settings["RQ"] == {"JOB_CLASS": "django_tasks_rq.backend.Job"}
    assert "django_rq" in tasks_apps(settings["TASKS"]["default"]["BACKEND"])


def test_the_old_database_backend_path_no_longer_stops_start_up():
    result = manage("check", TASKS_BACKEND="django_tasks.backends.database.DatabaseBackend")
    assert result.returncode == 0, result.stderr


def test_production_with_the_rq_backend_passes_check_deploy():
    result = manage("check", "--deploy", "--fail-level", "WARNING", TASKS_BACKEND="rq",
                    REDIS_URL="redis://127.0.0.1:6379/14", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
