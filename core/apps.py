"""The core app: management commands, and the plugin manager built once apps are ready."""
from django.apps import AppConfig

from core.plugins import get_manager


class CoreConfig(AppConfig):
    name = "core"
    label = "core"
    verbose_name = "Stent core"

    def ready(self):
        get_manager()
