"""Hook implementations of core.moderation (registered by core.plugins.CORE_HOOK_MODULES)."""
from core.hookspecs import hookimpl
from core.moderation.demo import create_demo_moderator
from core.moderation.kinds import KINDS
from core.moderation.privacy import BlockHandler, ReportsHandler


@hookimpl
def stent_notification_kinds():
    return KINDS


@hookimpl
def stent_privacy_handlers():
    return [BlockHandler, ReportsHandler]


@hookimpl
def stent_demo_data(seed):
    create_demo_moderator()
