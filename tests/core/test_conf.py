"""Plugin settings: declared on the PluginConfig, read from Django settings or the environment."""
import pytest
from django.core.exceptions import ImproperlyConfigured

from core.conf import plugin_setting
from core.plugins import available_plugins


@pytest.fixture
def declared(monkeypatch):
    """Give a real plugin's config a set of declared settings for one test."""
    config = available_plugins()["polls"].config
    monkeypatch.setattr(config, "settings", {
        "DEFAULT_DAYS": 60, "REQUIRE_REVIEW": True, "ANSWER_KINDS": ["single", "multiple"],
        "INTRO": "Hello", "SHARE": 0.5})
    for name in ("DEFAULT_DAYS", "REQUIRE_REVIEW", "ANSWER_KINDS", "INTRO", "SHARE"):
        monkeypatch.delenv(f"POLLS_{name}", raising=False)
    return monkeypatch


def test_the_default_when_nothing_is_set(declared):
    assert plugin_setting("polls", "DEFAULT_DAYS") == 60
    assert plugin_setting("polls", "REQUIRE_REVIEW") is True


def test_the_environment_typed_like_the_default(declared):
    declared.setenv("POLLS_DEFAULT_DAYS", " 30 ")
    declared.setenv("POLLS_REQUIRE_REVIEW", "off")
    declared.setenv("POLLS_ANSWER_KINDS", "single, scale,")
    declared.setenv("POLLS_INTRO", "Bonjour")
    declared.setenv("POLLS_SHARE", "0.25")
    assert plugin_setting("polls", "DEFAULT_DAYS") == 30
    assert plugin_setting("polls", "REQUIRE_REVIEW") is False
    assert plugin_setting("polls", "ANSWER_KINDS") == ["single", "scale"]
    assert plugin_setting("polls", "INTRO") == "Bonjour"
    assert plugin_setting("polls", "SHARE") == 0.25


def test_a_django_setting_wins_over_the_environment(declared, settings):
    declared.setenv("POLLS_DEFAULT_DAYS", "30")
    settings.POLLS_DEFAULT_DAYS = 7
    assert plugin_setting("polls", "DEFAULT_DAYS") == 7


@pytest.mark.parametrize("name, raw", [("DEFAULT_DAYS", "sixty"), ("REQUIRE_REVIEW", "maybe"),
                                       ("SHARE", "half")])
def test_a_bad_value_names_the_variable(declared, name, raw):
    declared.setenv(f"POLLS_{name}", raw)
    with pytest.raises(ImproperlyConfigured, match=f"POLLS_{name}='{raw}' must be"):
        plugin_setting("polls", name)


def test_an_undeclared_setting_or_unknown_plugin_is_an_error(declared):
    with pytest.raises(ImproperlyConfigured, match="polls declares no setting 'NOPE'"):
        plugin_setting("polls", "NOPE")
    with pytest.raises(ImproperlyConfigured, match="No app or plugin is labelled 'nope'"):
        plugin_setting("nope", "DEFAULT_DAYS")
