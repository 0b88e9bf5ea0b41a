"""Hook implementations of core.notifications (registered by core.plugins.CORE_HOOK_MODULES)."""
from core.hookspecs import hookimpl


@hookimpl
def stent_privacy_handlers():
    from core.notifications.privacy import NotificationsHandler

    return [NotificationsHandler]
