"""STENT_PLUGINS chooses the enabled plugins; mistakes stop start-up with a clear message."""
import pytest

from core.plugins import PluginSelectionError, available_plugins, select_plugins
from tests.stent_process import manage, request_in_process

BUILTIN = ["agenda", "crowdfunding", "exchange", "petitions", "polls", "toys_donation"]


def labels(specs):
    return [spec.label for spec in specs]


def test_every_builtin_plugin_is_available():
    assert set(BUILTIN) <= set(available_plugins())


def test_unset_enables_every_available_plugin():
    available = available_plugins()
    assert labels(select_plugins(None, available)) == list(available)


def test_empty_enables_none():
    assert select_plugins("", available_plugins()) == []


def test_selection_keeps_the_given_order_and_ignores_blanks():
    assert labels(select_plugins(" polls, ,agenda ", available_plugins())) == ["polls", "agenda"]


def test_unknown_plugin_names_the_available_ones():
    with pytest.raises(PluginSelectionError) as error:
        select_plugins("polls,nope", available_plugins())
    message = str(error.value)
    assert "nope" in message
    for name in BUILTIN:
        assert name in message


def test_missing_dependency_stops_start_up(monkeypatch):
    available = available_plugins()
    monkeypatch.setattr(available["toys_donation"].config, "requires", ("crowdfunding",))
    with pytest.raises(PluginSelectionError, match="toys_donation.*needs crowdfunding"):
        select_plugins("toys_donation", available)
    assert labels(select_plugins("crowdfunding,toys_donation", available)) == [
        "crowdfunding", "toys_donation"]


def test_start_up_refuses_an_unknown_plugin():
    result = manage("check", STENT_PLUGINS="nope")
    assert result.returncode != 0
    assert "nope" in result.stderr
    assert "Available plugins: " + ", ".join(BUILTIN) in result.stderr


def test_stent_plugins_command_shows_the_enabled_set():
    result = manage("stent_plugins", STENT_PLUGINS="polls,agenda")
    assert result.returncode == 0, result.stderr
    rows = {line.split()[0]: line.split()[1] for line in result.stdout.splitlines()[1:] if line
            and not line.startswith("Enabled")}
    assert rows == {name: ("yes" if name in ("polls", "agenda") else "no") for name in BUILTIN}
    assert "Enabled: polls, agenda" in result.stdout


def test_only_enabled_plugins_are_served_listed_and_documented():
    urls = ["GET /api/v1/", "GET /api/v1/schema/?format=json", "GET /api/v1/polls/",
            "GET /api/v1/agenda/", *[f"GET /api/v1/{name}/" for name in
                                    ("petitions", "exchange", "crowdfunding", "toys_donation")]]
    out = request_in_process(urls, STENT_PLUGINS="polls,agenda")
    assert [p["name"] for p in out["GET /api/v1/"]["body"]["plugins"]] == ["polls", "agenda"]
    schema_paths = out["GET /api/v1/schema/?format=json"]["body"]["paths"]
    plugin_paths = {path.split("/")[3] for path in schema_paths
                    if path.split("/")[3] in BUILTIN}
    assert plugin_paths == {"polls", "agenda"}
    assert out["GET /api/v1/polls/"]["status"] == 200
    assert out["GET /api/v1/agenda/"]["status"] == 200
    for name in ("petitions", "exchange", "crowdfunding", "toys_donation"):
        assert out[f"GET /api/v1/{name}/"] == {"status": 404, "body": {"detail": "Not found."}}


def test_no_plugin_at_all_still_serves_the_core():
    out = request_in_process(["GET /api/v1/", "GET /api/v1/polls/"], STENT_PLUGINS="")
    assert out["GET /api/v1/"]["body"]["plugins"] == []
    assert out["GET /api/v1/polls/"]["status"] == 404
