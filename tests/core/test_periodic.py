"""Periodic jobs: collected from the hook, enqueued when due, once per interval."""
import threading
from datetime import timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tasks import task

from core.hookspecs import hookimpl
from core.periodic import PeriodicTask, periodic_tasks, run_due, run_now
from tests.concurrency import POSTGRESQL_ONLY, run_in_parallel

CALLS = []
CALLS_LOCK = threading.Lock()


@task()
def remember_the_call(**kwargs):
    with CALLS_LOCK:
        CALLS.append(kwargs)


class ReminderPlugin:
    @hookimpl
    def stent_periodic_tasks(self):
        return [PeriodicTask(name="reminders.send", task=remember_the_call,
                             interval=timedelta(minutes=10), kwargs={"kind": "reminder"},
                             description="Send the reminders")]


@pytest.fixture
def reminders(register):
    CALLS.clear()
    register(ReminderPlugin(), "reminders")
    yield
    CALLS.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Call a function and commit: jobs are enqueued once their run is committed."""
    def call(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)
    return call


def test_hook_stent_periodic_tasks_collects_the_core_and_the_plugins_jobs(reminders):
    jobs = periodic_tasks()
    assert jobs["reminders.send"].interval == timedelta(minutes=10)
    assert "core.purge_idempotency_records" in jobs


def test_two_jobs_of_one_name_are_refused(reminders, register):
    register(ReminderPlugin(), "reminders_again")
    with pytest.raises(ImproperlyConfigured, match="'reminders.send'"):
        periodic_tasks()


@pytest.mark.django_db
def test_a_job_runs_when_due_and_once_per_interval(reminders, committed):
    start = timezone.now()
    assert "reminders.send" in committed(run_due, now=start)
    assert CALLS == [{"kind": "reminder"}]
    assert "reminders.send" not in committed(run_due, now=start + timedelta(minutes=9))
    assert "reminders.send" in committed(run_due, now=start + timedelta(minutes=10))
    assert len(CALLS) == 2


@pytest.mark.django_db
def test_the_command_lists_forces_and_runs(reminders, committed, capsys):
    committed(call_command, "stent_periodic")
    assert "reminders.send" in capsys.readouterr().out
    committed(call_command, "stent_periodic")
    assert "reminders.send" not in capsys.readouterr().out
    committed(call_command, "stent_periodic", "--force", "reminders.send")
    assert capsys.readouterr().out == "Enqueued reminders.send.\n"
    assert len(CALLS) == 2
    call_command("stent_periodic", "--list")
    listing = capsys.readouterr().out
    assert "reminders.send" in listing and "every 0:10:00" in listing and "Send the reminders" in listing
    with pytest.raises(CommandError, match="No periodic task is named 'nope'.*reminders.send"):
        call_command("stent_periodic", "--force", "nope")
    with pytest.raises(KeyError):
        run_now("nope")


@pytest.mark.postgres
@POSTGRESQL_ONLY[0]
@POSTGRESQL_ONLY[1]
def test_parallel_callers_enqueue_a_due_job_once(reminders):
    now = timezone.now()
    outcomes = run_in_parallel(lambda: "reminders.send" in run_due(now=now), 6)
    assert sorted(outcomes) == [False] * 5 + [True]
    assert CALLS == [{"kind": "reminder"}]
