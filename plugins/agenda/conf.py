"""The agenda's settings, read through the core's plugin settings (``AgendaConfig.settings``)."""


def setting(name: str):
    try:
        from core.conf import plugin_setting
    except ImportError:  # until the core kit's core/conf.py is merged: the declared defaults
        from plugins.agenda.apps import AgendaConfig

        return AgendaConfig.settings[name]
    return plugin_setting("agenda", name)
