"""Hook implementations of core.communities (registered by core.plugins.CORE_HOOK_MODULES)."""
from core.hookspecs import hookimpl


@hookimpl
def stent_privacy_handlers():
    from core.communities.privacy import MembershipHandler

    return [MembershipHandler]
