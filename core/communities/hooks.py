"""Hook implementations of core.communities (registered by core.plugins.CORE_HOOK_MODULES)."""
from core.hookspecs import hookimpl


@hookimpl
def stent_notification_kinds():
    from core.communities.kinds import KINDS

    return KINDS


@hookimpl
def stent_privacy_handlers():
    from core.communities.privacy import MembershipHandler

    return [MembershipHandler]


@hookimpl
def stent_demo_data(seed):
    from core.communities.demo import create_demo_communities

    create_demo_communities()
