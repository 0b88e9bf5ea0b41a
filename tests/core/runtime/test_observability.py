"""Request ids, the access line (route, never the path) and failed tasks' log lines."""
import json
import logging
import logging.config

import pytest
from django.conf import settings
from django_tasks import task

from core.config.logs import logging_settings
from core.observability.request_id import RequestIdFilter, incoming_or_new_id
from core.observability.task_failures import loggable


@pytest.mark.django_db
def test_every_response_carries_a_request_id_and_one_access_line_naming_the_route(
        client, caplog):
    with caplog.at_level(logging.INFO, logger="stent.request"):
        response = client.get("/api/v1/members/ada-lovelace/")
    request_id = response["X-Request-ID"]
    assert len(request_id) == 32
    [line] = [record for record in caplog.records if record.name == "stent.request"]
    assert line.route == "api/v1/members/<str:handle>/"
    assert line.status == 404
    assert "ada-lovelace" not in line.getMessage()


@pytest.mark.django_db
def test_a_load_balancer_request_id_is_kept_only_when_harmless(client):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="lb-0123456789abcdef")
    assert response["X-Request-ID"] == "lb-0123456789abcdef"
    assert incoming_or_new_id("bad id\nwith a newline") != "bad id\nwith a newline"


def test_log_records_outside_a_request_have_an_empty_request_id():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "message", (), None)
    assert RequestIdFilter().filter(record) and record.request_id is None


@task()
def failing_task(member_id, note=""):
    raise RuntimeError("boom")


def test_a_failed_task_is_logged_with_ids_only(caplog):
    with caplog.at_level(logging.ERROR, logger="stent.tasks"):
        failing_task.enqueue("0b5e7c1e-56a3-4d5b-9f26-3c1d2b8c9a01", note="ada@stent.example")
    [line] = [record for record in caplog.records if record.name == "stent.tasks"]
    assert line.task == "tests.core.runtime.test_observability.failing_task"
    assert line.task_args == ["0b5e7c1e-56a3-4d5b-9f26-3c1d2b8c9a01"]
    assert line.task_kwargs == {"note": "<str>"}
    assert line.error == "builtins.RuntimeError"
    assert "ada@stent.example" not in str(line.__dict__)


def test_only_ids_survive_in_task_arguments():
    assert [loggable(v) for v in (7, None, "not-an-id", b"x")] == [7, None, "<str>", "<bytes>"]


def test_json_log_lines_in_production(capsys):
    logging.config.dictConfig(logging_settings(json_lines=True, level="INFO",
                                               libraries_level="WARNING"))
    try:
        logging.getLogger("stent.test").info("hello")
    finally:
        logging.config.dictConfig(settings.LOGGING)
    line = json.loads(capsys.readouterr().err.strip().splitlines()[-1])
    assert line["message"] == "hello" and line["level"] == "INFO" and "request_id" in line
