"""Keeps the plugin contract honest: every hook tested and documented, personal data covered."""
import inspect
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

from core import hookspecs
from core.plugins import collect, get_manager

ROOT = Path(__file__).resolve().parent.parent
HOOKS = sorted(name for name, obj in vars(hookspecs).items()
               if name.startswith("stent_") and inspect.isfunction(obj))


def test_the_contract_is_not_empty():
    assert "stent_api_urls" in HOOKS and len(HOOKS) >= 6


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_has_a_test(hook):
    test_sources = "\n".join(path.read_text() for path in (ROOT / "tests").rglob("test_*.py"))
    assert re.search(rf"def test_hook_{hook}(_\w*)?\(", test_sources), f"no test named test_hook_{hook}"


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_is_documented_in_the_readme(hook):
    assert f"`{hook}" in (ROOT / "README.md").read_text(), f"{hook} is not in README.md"


def test_manager_rejects_a_misspelt_hook():
    import pluggy

    from core.hookspecs import hookimpl
    from core.plugins import build_manager

    class Misspelt:
        @hookimpl
        def stent_api_url(self):  # missing the final "s"
            return []

    pm = build_manager([])  # a private manager: the global one stays clean
    with pytest.raises(pluggy.PluginValidationError):
        pm.register(Misspelt(), name="misspelt")
        pm.check_pending()


def test_every_enabled_plugin_is_registered_under_its_label():
    names = {name for name, _ in get_manager().list_name_plugin()}
    assert {spec.label for spec in settings.STENT_ENABLED_PLUGINS} <= names


def personal_data_models():
    """Project models (core, cms, plugins) holding a foreign key to the user model."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    project_prefixes = ("core.", "cms", "plugins.")
    found = []
    for model in apps.get_models():
        if not model.__module__.startswith(project_prefixes) or model is user_model:
            continue
        if any(getattr(field, "related_model", None) is user_model
               for field in model._meta.get_fields() if field.concrete):
            found.append(model)
    return found


def test_every_model_pointing_to_a_member_is_covered_by_a_privacy_handler():
    covered = {model for handler in collect("stent_privacy_handlers") for model in handler.models}
    uncovered = [m._meta.label for m in personal_data_models() if m not in covered]
    assert not uncovered, f"no PrivacyHandler covers {uncovered}"
