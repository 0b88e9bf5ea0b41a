"""The plugin contract: reached only through hooks, served alone, absent when disabled."""
from pathlib import Path

import pytest

from core.plugins import collect
from plugins.agenda.models import Event, Venue
from tests.stent_process import request_in_process

ROOT = Path(__file__).resolve().parents[3]
PATHS = ["/api/v1/agenda/events/", "/api/v1/agenda/events/{id}/",
         "/api/v1/agenda/events/{id}/cancel/", "/api/v1/agenda/events/{id}/postpone/",
         "/api/v1/agenda/occurrences/", "/api/v1/agenda/venues/",
         "/api/v1/agenda/events/{event}/registrations/",
         "/api/v1/agenda/events/{event}/registrations/mine/",
         "/api/v1/agenda/events/{event}/waiting-list/", "/api/v1/agenda/events/{event}/rsvp/",
         "/api/v1/agenda/events/{event}/calendar.ics",
         "/api/v1/agenda/communities/{slug}/calendar.ics", "/api/v1/agenda/me/needs/",
         "/api/v1/agenda/me/feed/", "/api/v1/agenda/feed/{token}.ics"]


def test_enabled_alone_the_agenda_is_served_and_documented():
    out = request_in_process(["GET /api/v1/", "GET /api/v1/schema/?format=json"],
                             STENT_PLUGINS="agenda")
    assert [p["name"] for p in out["GET /api/v1/"]["body"]["plugins"]] == ["agenda"]
    paths = out["GET /api/v1/schema/?format=json"]["body"]["paths"]
    for path in PATHS:
        assert path in paths, path


def test_disabled_the_agenda_leaves_no_url_or_schema():
    out = request_in_process(["GET /api/v1/agenda/events/", "GET /api/v1/schema/?format=json"],
                             STENT_PLUGINS="petitions")
    assert out["GET /api/v1/agenda/events/"]["status"] == 404
    paths = out["GET /api/v1/schema/?format=json"]["body"]["paths"]
    assert not [path for path in paths if path.startswith("/api/v1/agenda/")]


def test_the_core_never_imports_the_plugin():
    core_sources = "\n".join(path.read_text() for path in (ROOT / "core").rglob("*.py"))
    assert "plugins.agenda" not in core_sources


def test_hook_stent_search_models_agenda_registers_events_and_venues():
    assert {Event, Venue} <= set(collect("stent_search_models"))


@pytest.mark.django_db
def test_the_schema_documents_bodies_and_errors(api_client):
    schema = api_client.get("/api/v1/schema/?format=json").json()
    register = schema["paths"]["/api/v1/agenda/events/{event}/registrations/"]["post"]
    assert "requestBody" in register
    assert {"201", "400", "404", "409"} <= set(register["responses"])
    assert any(p["name"] == "Idempotency-Key" for p in register["parameters"])
    feed = schema["paths"]["/api/v1/agenda/feed/{token}.ics"]["get"]["responses"]
    assert "text/calendar" in feed["200"]["content"] and "404" in feed
    event = schema["components"]["schemas"]["Event"]["properties"]
    assert "#/components/schemas/Money" in str(event["price"])
