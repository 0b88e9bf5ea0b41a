"""``manage.py stent_startplugin`` scaffolds a plugin that the contract tests pass with."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.stent_process import stent_env

ROOT = Path(__file__).resolve().parents[2]


def project_copy(destination: Path) -> Path:
    """The project's files (tracked or not ignored) as they are in the working tree."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, check=True).stdout.split(b"\0")
    for name in filter(None, (entry.decode() for entry in listed)):
        source = ROOT / name
        if source.is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)
    return destination


def run(copy: Path, *args, **env):
    environment = stent_env(STENT_VAR_DIR=str(copy / "var"), **env)
    environment.pop("DATABASE_URL", None)  # the copy tests on its own SQLite database
    # manage.py defaults to core.settings; pytest must read the test settings from setup.cfg.
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run([sys.executable, *args], cwd=copy, env=environment,
                          capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def scaffolded(tmp_path_factory):
    copy = project_copy(tmp_path_factory.mktemp("project"))
    made = run(copy, "manage.py", "stent_startplugin", "demo_plugin")
    assert made.returncode == 0, made.stderr
    return copy


def test_the_plugin_has_the_reference_layout(scaffolded):
    plugin = scaffolded / "plugins" / "demo_plugin"
    for name in ("apps.py", "plugin.py", "models.py", "queries.py", "services.py",
                 "serializers.py", "api.py", "privacy.py", "tasks.py", "notifications.py",
                 "wagtail_hooks.py", "demo.py", "migrations/0001_initial.py",
                 "locale/fr/LC_MESSAGES/django.po", "locale/fr/LC_MESSAGES/django.mo"):
        assert (plugin / name).is_file(), name
    assert (scaffolded / "tests" / "plugins" / "demo_plugin" / "test_demo_plugin.py").is_file()
    sources = "".join(path.read_text() for path in plugin.rglob("*.py"))
    assert "{{" not in sources and "{%" not in sources
    assert "rest_framework" not in (plugin / "services.py").read_text()
    assert 'name = "plugins.demo_plugin"' in (plugin / "apps.py").read_text()


def test_its_migration_matches_its_models(scaffolded):
    checked = run(scaffolded, "manage.py", "makemigrations", "demo_plugin", "--check",
                  "--dry-run")
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.parametrize("plugins", ["demo_plugin", None], ids=["alone", "with the others"])
def test_the_contract_tests_and_its_own_pass(scaffolded, plugins):
    tested = run(scaffolded, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider",
                 "tests/test_hookspecs.py", "tests/plugins/demo_plugin", STENT_PLUGINS=plugins)
    assert tested.returncode == 0, tested.stdout[-4000:] + tested.stderr[-2000:]


def test_outside_the_project_the_plugin_is_a_top_level_package(tmp_path):
    call_command("stent_startplugin", "patient_stories", directory=str(tmp_path),
                 verbose_name="Patient stories", stdout=open(os.devnull, "w"))
    apps = (tmp_path / "patient_stories" / "apps.py").read_text()
    assert 'name = "patient_stories"' in apps and '_("Patient stories")' in apps
    assert (tmp_path / "tests" / "patient_stories" / "test_patient_stories.py").is_file()
    with pytest.raises(CommandError, match="already exists"):
        call_command("stent_startplugin", "patient_stories", directory=str(tmp_path))
    with pytest.raises(CommandError, match="not a valid plugin name"):
        call_command("stent_startplugin", "Not-A-Name", directory=str(tmp_path))
