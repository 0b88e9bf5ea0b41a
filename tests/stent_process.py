"""Run Stent in a separate process with its own environment (plugins are chosen at start-up)."""
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CLIENT_SCRIPT = """
import json, os, sys
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "core.settings")
django.setup()
from django.test import Client
client = Client()
out = {}
for path in json.loads(sys.argv[1]):
    method, _, url = path.partition(" ")
    response = getattr(client, method.lower())(url, HTTP_ACCEPT="application/json")
    body = response.content.decode()
    try:
        body = json.loads(body)
    except ValueError:
        pass
    out[path] = {"status": response.status_code, "body": body}
print(json.dumps(out))
"""


def install_plugin_distribution(site: Path, label: str, modules: dict[str, str],
                                version: str = "1.0.0") -> Path:
    """Write a plugin package and its dist-info (a ``stent.plugins`` entry point) under ``site``,
    as ``pip install`` would: put ``site`` on the PYTHONPATH of a process to make it available."""
    package = site / label
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    for module, source in modules.items():
        (package / f"{module}.py").write_text(source)
    dist_info = site / f"{label}-{version}.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {label.replace('_', '-')}\nVersion: {version}\n")
    (dist_info / "entry_points.txt").write_text(f"[stent.plugins]\n{label} = {label}\n")
    return site


def stent_env(**overrides):
    env = {k: v for k, v in os.environ.items() if k != "STENT_PLUGINS"}
    env["DJANGO_SETTINGS_MODULE"] = "core.settings"
    env.update({k: v for k, v in overrides.items() if v is not None})
    return env


def manage(*args, **env):
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=stent_env(**env),
                          capture_output=True, text=True, timeout=120)


def request_in_process(requests, pythonpath=None, **env):
    """GET the given URLs with Django's test client in a fresh process; return status and body.

    Only URLs that need no database can be asked this way (the process has no test database).
    """
    environment = stent_env(**env)
    if pythonpath:
        environment["PYTHONPATH"] = os.pathsep.join([str(pythonpath), str(ROOT)])
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(CLIENT_SCRIPT), json.dumps(requests)],
        cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])
