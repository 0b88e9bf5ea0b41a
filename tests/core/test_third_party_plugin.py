"""A plugin installed as a distribution with a `stent.plugins` entry point is found and mounted."""
from tests.stent_process import install_plugin_distribution, manage, request_in_process

APPS = '''
from core.plugin_config import PluginConfig


class HelloConfig(PluginConfig):
    name = "stent_hello"
    label = "stent_hello"
    verbose_name = "Hello"
    description = "A tiny third-party plugin."
    version = "1.2.3"
'''

PLUGIN = '''
from django.urls import path
from rest_framework.decorators import api_view
from rest_framework.response import Response

from core.hookspecs import hookimpl


@api_view(["GET"])
def hello(request):
    return Response({"hello": "world"})


@hookimpl
def stent_api_urls():
    return [path("greeting/", hello, name="greeting")]
'''


def install_hello_plugin(site):
    return install_plugin_distribution(site, "stent_hello", {"apps": APPS, "plugin": PLUGIN},
                                       version="1.2.3")


def test_hook_stent_api_urls_mounts_a_third_party_plugin(tmp_path):
    site = install_hello_plugin(tmp_path)
    out = request_in_process(["GET /api/v1/stent_hello/greeting/", "GET /api/v1/"],
                             pythonpath=site, STENT_PLUGINS="polls,stent_hello")
    assert out["GET /api/v1/stent_hello/greeting/"] == {"status": 200, "body": {"hello": "world"}}
    listed = {p["name"]: p["version"] for p in out["GET /api/v1/"]["body"]["plugins"]}
    assert listed == {"polls": "0.1.0", "stent_hello": "1.2.3"}


def test_third_party_plugin_is_listed_by_stent_plugins(tmp_path):
    site = install_hello_plugin(tmp_path)
    import os
    from tests.stent_process import ROOT

    result = manage("stent_plugins", PYTHONPATH=os.pathsep.join([str(site), str(ROOT)]))
    assert result.returncode == 0, result.stderr
    assert any(line.startswith("stent_hello") and "yes" in line and "1.2.3" in line
               for line in result.stdout.splitlines())
