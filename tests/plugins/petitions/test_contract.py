"""The plugin contract: reached only through hooks, and the site works without it."""
from pathlib import Path

import pytest

from core.plugins import collect
from plugins.petitions.models import Petition
from plugins.petitions.privacy import PetitionsPrivacyHandler
from tests.stent_process import request_in_process

ROOT = Path(__file__).resolve().parents[3]


def test_disabled_petitions_leave_no_url_schema_or_search_model():
    out = request_in_process(["GET /api/v1/", "GET /api/v1/petitions/",
                              "GET /api/v1/schema/?format=json", "GET /api/v1/polls/"],
                             STENT_PLUGINS="polls")
    assert out["GET /api/v1/petitions/"] == {"status": 404, "body": {"detail": "Not found."}}
    assert [p["name"] for p in out["GET /api/v1/"]["body"]["plugins"]] == ["polls"]
    paths = out["GET /api/v1/schema/?format=json"]["body"]["paths"]
    assert not [path for path in paths if path.startswith("/api/v1/petitions/")]
    assert out["GET /api/v1/polls/"]["status"] == 200


def test_enabled_alone_petitions_are_served_and_documented():
    out = request_in_process(["GET /api/v1/", "GET /api/v1/schema/?format=json"],
                             STENT_PLUGINS="petitions")
    assert [p["name"] for p in out["GET /api/v1/"]["body"]["plugins"]] == ["petitions"]
    paths = out["GET /api/v1/schema/?format=json"]["body"]["paths"]
    for path in ("/api/v1/petitions/", "/api/v1/petitions/{id}/",
                 "/api/v1/petitions/{petition}/signatures/",
                 "/api/v1/petitions/{petition}/signatures/mine/",
                 "/api/v1/petitions/signatures/confirm/", "/api/v1/petitions/{id}/stats/",
                 "/api/v1/petitions/{id}/export/", "/api/v1/petitions/{petition}/updates/",
                 "/api/v1/petitions/{petition}/promoters/"):
        assert path in paths, path


def test_the_core_never_imports_the_plugin():
    core_sources = "\n".join(path.read_text() for path in (ROOT / "core").rglob("*.py"))
    assert "plugins.petitions" not in core_sources


def test_hook_stent_privacy_handlers_petitions_covers_every_model_pointing_to_a_member():
    handlers = collect("stent_privacy_handlers")
    assert PetitionsPrivacyHandler in handlers
    from django.apps import apps

    petitions_models = [m for m in apps.get_app_config("petitions").get_models()
                        if any(getattr(f, "related_model", None) is apps.get_model("identity.User")
                               for f in m._meta.get_fields() if f.concrete)]
    assert set(petitions_models) <= set(PetitionsPrivacyHandler.models)


def test_hook_stent_search_models_petitions_registers_petitions():
    assert Petition in collect("stent_search_models")


@pytest.mark.django_db
def test_schema_has_request_and_response_bodies(api_client):
    schema = api_client.get("/api/v1/schema/?format=json").json()
    sign = schema["paths"]["/api/v1/petitions/{petition}/signatures/"]["post"]
    assert "requestBody" in sign
    assert {"201", "202", "409"} <= set(sign["responses"])
    export = schema["paths"]["/api/v1/petitions/{id}/export/"]["get"]["responses"]["200"]
    assert set(export["content"]) == {"application/json", "text/csv"}
