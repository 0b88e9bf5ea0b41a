"""The plugin contract: reached only through hooks, served alone, documented in the schema."""
from pathlib import Path

import pytest

from core.plugins import collect
from plugins.polls.models import Poll, Survey
from plugins.polls.privacy import PollsPrivacyHandler
from tests.stent_process import request_in_process

ROOT = Path(__file__).resolve().parents[3]

PATHS = [
    "/api/v1/polls/polls/", "/api/v1/polls/polls/{id}/", "/api/v1/polls/polls/{id}/vote/",
    "/api/v1/polls/polls/{id}/results/", "/api/v1/polls/polls/{id}/close/",
    "/api/v1/polls/surveys/", "/api/v1/polls/surveys/{id}/",
    "/api/v1/polls/surveys/{id}/publish/", "/api/v1/polls/surveys/{id}/close/",
    "/api/v1/polls/surveys/{id}/copy/", "/api/v1/polls/surveys/{id}/compare/",
    "/api/v1/polls/surveys/{id}/results/", "/api/v1/polls/surveys/{id}/export/",
    "/api/v1/polls/surveys/{survey}/sections/", "/api/v1/polls/surveys/{survey}/sections/{id}/",
    "/api/v1/polls/surveys/{survey}/questions/",
    "/api/v1/polls/surveys/{survey}/questions/{id}/",
    "/api/v1/polls/surveys/{survey}/responses/mine/",
    "/api/v1/polls/surveys/{survey}/responses/mine/submit/",
]


def test_enabled_alone_polls_are_served_and_documented():
    out = request_in_process(["GET /api/v1/", "GET /api/v1/schema/?format=json",
                              "GET /api/v1/polls/", "GET /api/v1/petitions/"],
                             STENT_PLUGINS="polls")
    assert [p["name"] for p in out["GET /api/v1/"]["body"]["plugins"]] == ["polls"]
    assert out["GET /api/v1/polls/"]["status"] == 200
    assert out["GET /api/v1/petitions/"]["status"] == 404
    paths = out["GET /api/v1/schema/?format=json"]["body"]["paths"]
    for path in PATHS:
        assert path in paths, path


def test_disabled_polls_leave_no_url_nor_schema():
    out = request_in_process(["GET /api/v1/polls/polls/", "GET /api/v1/schema/?format=json"],
                             STENT_PLUGINS="petitions")
    assert out["GET /api/v1/polls/polls/"]["status"] == 404
    paths = out["GET /api/v1/schema/?format=json"]["body"]["paths"]
    assert not [path for path in paths if path.startswith("/api/v1/polls/")]


def test_the_core_never_imports_the_plugin():
    core_sources = "\n".join(path.read_text() for path in (ROOT / "core").rglob("*.py"))
    assert "plugins.polls" not in core_sources


def test_hook_stent_privacy_handlers_polls_covers_every_model_pointing_to_a_member():
    from django.apps import apps

    assert PollsPrivacyHandler in collect("stent_privacy_handlers")
    user = apps.get_model("identity.User")
    pointing = [m for m in apps.get_app_config("polls").get_models()
                if any(getattr(f, "related_model", None) is user
                       for f in m._meta.get_fields() if f.concrete)]
    assert set(pointing) <= set(PollsPrivacyHandler.models)


def test_hook_stent_periodic_tasks_polls_declares_its_jobs():
    names = {task.name for task in collect("stent_periodic_tasks")}
    assert {"polls.remind_survey_drafts", "polls.announce_closed_polls"} <= names


@pytest.mark.django_db
def test_every_operation_declares_its_bodies_and_refusals(api_client):
    schema = api_client.get("/api/v1/schema/?format=json").json()
    vote = schema["paths"]["/api/v1/polls/polls/{id}/vote/"]["post"]
    assert "requestBody" in vote
    assert {"200", "201", "400", "403", "404", "409"} <= set(vote["responses"])
    assert any(p["name"] == "Idempotency-Key" for p in vote["parameters"])
    export = schema["paths"]["/api/v1/polls/surveys/{id}/export/"]["get"]["responses"]
    assert set(export["200"]["content"]) == {"application/json", "text/csv"}
    for path, operations in schema["paths"].items():
        if path.startswith("/api/v1/polls/") and path != "/api/v1/polls/":
            for method, operation in operations.items():
                if method in ("post", "put", "patch", "delete"):
                    assert any(code.startswith("4") for code in operation["responses"]), (
                        method, path)
