"""Keeps the plugin contract honest: every hook tested and documented with its arguments,
personal data covered, and every available plugin checked by existing: its layout, enabled
alone, its Audienced models through the privacy matrix, its personal data in a handler."""
import importlib
import inspect
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

from core import hookspecs
from core.plugins import available_plugins, collect, get_manager
from core.privacy.models import Audienced
from tests.kit import MATRIX_MODELS
from tests.kit.plugin import AFTER_ALL
from tests.stent_process import manage, request_in_process

ROOT = Path(__file__).resolve().parent.parent
HOOKS = sorted(name for name, obj in vars(hookspecs).items()
               if name.startswith("stent_") and inspect.isfunction(obj))
PLUGINS = sorted(available_plugins())


def test_the_contract_is_not_empty():
    assert "stent_api_urls" in HOOKS and len(HOOKS) >= 6


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_has_a_test(hook):
    test_sources = "\n".join(path.read_text() for path in (ROOT / "tests").rglob("test_*.py"))
    assert re.search(rf"def test_hook_{hook}(_\w*)?\(", test_sources), f"no test named test_hook_{hook}"


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_is_documented_in_the_readme_with_its_arguments(hook):
    documented = re.findall(rf"`{hook}\(([^)]*)\)`", (ROOT / "README.md").read_text())
    assert documented, f"{hook} is not in README.md's hook table"
    arguments = ", ".join(inspect.signature(getattr(hookspecs, hook)).parameters)
    assert documented[0] == arguments, (
        f"README.md documents {hook}({documented[0]}), the spec is {hook}({arguments})")


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


def points_to_a_member(model) -> bool:
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    return model is not user_model and any(
        getattr(field, "related_model", None) is user_model
        for field in model._meta.get_fields() if field.concrete)


def uncovered_models(models) -> list[str]:
    covered = {model for handler in collect("stent_privacy_handlers") for model in handler.models}
    return [model._meta.label for model in models
            if points_to_a_member(model) and model not in covered]


def test_every_core_model_pointing_to_a_member_is_covered_by_a_privacy_handler():
    core_models = [model for model in apps.get_models()
                   if model.__module__.startswith(("core.", "cms."))]
    assert not uncovered_models(core_models), "no PrivacyHandler covers them"


# --- every available plugin, by existing --------------------------------------------------------

def plugin_folder(label) -> Path:
    return Path(importlib.import_module(available_plugins()[label].module).__file__).parent


def marks_strings_for_translation(folder: Path) -> bool:
    """Strings beyond the AppConfig's metadata. The placeholder plugins (apps.py and a
    plugin.py serving their info) are exempt until their real code lands; drop the exemption
    once every built-in plugin is written."""
    return any("gettext" in path.read_text() for path in folder.rglob("*.py")
               if "migrations" not in path.parts and path.name != "apps.py")


def untranslated(po_file: Path) -> list[str]:
    """msgids with an empty or fuzzy msgstr (obsolete ``#~`` entries aside)."""
    missing = []
    for entry in po_file.read_text().split("\n\n")[1:]:  # the header first
        lines = [line for line in entry.strip().splitlines() if not line.startswith("#~")]
        fields, current = {}, None
        for line in lines:
            if line.startswith(("msgid", "msgstr")):
                current, _, value = line.partition(" ")
                fields[current] = value.strip('"')
            elif line.startswith('"') and current:
                fields[current] += line.strip('"')
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        if "msgid" in fields and (fuzzy or not all(
                value for key, value in fields.items() if key.startswith("msgstr"))):
            missing.append(fields["msgid"])
    return missing


@pytest.mark.parametrize("label", PLUGINS)
def test_plugin_layout(label):
    folder = plugin_folder(label)
    for name in ("apps.py", "plugin.py", "migrations/__init__.py"):
        assert (folder / name).is_file(), f"{label} has no {name}"
    if marks_strings_for_translation(folder):
        catalogue = folder / "locale" / "fr" / "LC_MESSAGES"
        assert (catalogue / "django.po").is_file(), f"{label} has no French catalogue"
        assert (catalogue / "django.mo").is_file(), f"{label}'s catalogue is not compiled"
        assert untranslated(catalogue / "django.po") == [], f"{label}: untranslated strings"


@pytest.mark.parametrize("label", PLUGINS)
def test_plugin_works_enabled_alone(label):
    check = manage("check", STENT_PLUGINS=label)
    assert check.returncode == 0, check.stderr
    root = request_in_process(["GET /api/v1/"], STENT_PLUGINS=label)["GET /api/v1/"]
    assert root["status"] == 200
    assert [plugin["name"] for plugin in root["body"]["plugins"]] == [label]


@pytest.mark.parametrize("label", PLUGINS)
def test_plugin_models_pointing_to_a_member_are_covered_by_a_privacy_handler(label):
    if label not in apps.app_configs:
        pytest.skip(f"{label} is not enabled in this test run")
    models = list(apps.get_app_config(label).get_models())
    assert not uncovered_models(models), "no PrivacyHandler covers them"


@pytest.mark.parametrize("label", PLUGINS)
@pytest.mark.after_all_tests
def test_plugin_audienced_models_are_put_through_the_privacy_matrix(label, request):
    """Read after every other test: the models that tests.kit.assert_follows_matrix saw."""
    assert request.node.get_closest_marker(AFTER_ALL)
    if label not in apps.app_configs:
        pytest.skip(f"{label} is not enabled in this test run")
    audienced = [model for model in apps.get_app_config(label).get_models()
                 if issubclass(model, Audienced)]
    tests_folder = str(ROOT / "tests" / "plugins" / label) + "/"
    if audienced and not any(path.startswith(tests_folder)
                             for path in request.config.stent_collected_paths):
        pytest.skip(f"run with tests/plugins/{label}/ to see its matrix calls")
    missing = [model._meta.label for model in audienced if model not in MATRIX_MODELS]
    assert not missing, (f"no test calls tests.kit.assert_follows_matrix for {missing}")


@pytest.mark.after_all_tests
def test_the_core_matrix_test_recorded_its_model(request):
    from tests.testapp.models import Note

    if not any(path.endswith("tests/core/privacy/test_api_matrix.py")
               for path in request.config.stent_collected_paths):
        pytest.skip("run with tests/core/privacy/test_api_matrix.py")
    assert Note in MATRIX_MODELS
