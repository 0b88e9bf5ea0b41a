"""Hook implementations of the crowdfunding plugin: the only module the core loads."""
from django.urls import path

from core.api.views import plugin_info_view
from core.hookspecs import hookimpl


@hookimpl
def stent_api_urls():
    return [path("", plugin_info_view("crowdfunding"), name="info")]
