"""Hook implementations of core.notifications (registered by core.plugins.CORE_HOOK_MODULES)."""
from core.hookspecs import hookimpl
from core.notifications.privacy import NotificationsHandler


@hookimpl
def stent_privacy_handlers():
    return [NotificationsHandler]
