"""Hook implementations of core.moderation (registered by core.plugins.CORE_HOOK_MODULES)."""
from core.hookspecs import hookimpl


@hookimpl
def stent_privacy_handlers():
    from core.moderation.privacy import BlockHandler

    return [BlockHandler]
