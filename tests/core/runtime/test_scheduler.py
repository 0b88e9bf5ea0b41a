"""Acceptance 2: two ``stent_scheduler`` processes started at once run each due job exactly once."""
import json
import os
import time
from contextlib import ExitStack

import pytest

from tests.core.runtime.processes import SHARED_DATABASE, running, wait_until
from tests.stent_process import ROOT, install_plugin_distribution
from tests.testapp.models import JobRun

pytestmark = SHARED_DATABASE

TICKER_APPS = '''
from core.plugin_config import PluginConfig


class TickerConfig(PluginConfig):
    name = "stent_ticker"
    label = "stent_ticker"
    verbose_name = "Ticker"
    description = "Counts the runs of an hourly job (scheduler tests)."
    version = "1.0.0"
'''

TICKER_PLUGIN = '''
from datetime import timedelta

from django.db.models import F
from django_tasks import task

from core.hookspecs import hookimpl
from core.periodic import PeriodicTask


@task()
def count_run():
    from tests.testapp.models import JobRun

    JobRun.objects.filter(name="stent_ticker.hourly").update(runs=F("runs") + 1)


@hookimpl
def stent_periodic_tasks():
    return [PeriodicTask(name="stent_ticker.hourly", task=count_run,
                         interval=timedelta(hours=1))]
'''


def enqueued_jobs(output: str) -> list[str]:
    """Every job name a scheduler logged as enqueued (its JSON log lines)."""
    names = []
    for line in output.splitlines():
        if line.startswith("{"):
            names += json.loads(line).get("jobs", [])
    return names


def test_two_schedulers_started_at_once_run_each_due_job_exactly_once(tmp_path):
    site = install_plugin_distribution(tmp_path / "site", "stent_ticker",
                                       {"apps": TICKER_APPS, "plugin": TICKER_PLUGIN})
    JobRun.objects.create(name="stent_ticker.hourly")
    environment = {"DJANGO_SETTINGS_MODULE": "tests.settings", "STENT_PLUGINS": "stent_ticker",
                   "PYTHONPATH": os.pathsep.join([str(site), str(ROOT)]),
                   "STENT_LOG_JSON": "1"}
    with ExitStack() as stack:
        schedulers = [stack.enter_context(running(
            "stent_scheduler", "--interval", "0.3", log_dir=tmp_path, **environment))
            for _ in range(2)]
        ran = wait_until(lambda: JobRun.objects.get(name="stent_ticker.hourly").runs,
                         timeout=60)
        assert ran, "the job never ran"
        time.sleep(3)  # both schedulers keep ticking (about ten times each) meanwhile
        assert all(scheduler.poll() is None for scheduler in schedulers)

    assert JobRun.objects.get(name="stent_ticker.hourly").runs == 1
    logged = [name for scheduler in schedulers for name in enqueued_jobs(scheduler.output)]
    assert logged.count("stent_ticker.hourly") == 1
    assert len(logged) == len(set(logged))  # the core's own jobs too: each once
    assert [scheduler.returncode for scheduler in schedulers] == [0, 0]  # SIGTERM: clean stop
    assert all("Scheduler stopped." in scheduler.output for scheduler in schedulers)
