"""The agenda's settings (declared on ``AgendaConfig.settings``), read through the core."""
from core.conf import plugin_setting


def setting(name: str):
    return plugin_setting("agenda", name)
