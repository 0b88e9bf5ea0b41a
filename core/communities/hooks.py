"""Hook implementations of core.communities (registered by core.plugins.CORE_HOOK_MODULES)."""
from core.communities.demo import create_demo_communities
from core.communities.kinds import KINDS
from core.communities.privacy import MembershipHandler
from core.hookspecs import hookimpl


@hookimpl
def stent_notification_kinds():
    return KINDS


@hookimpl
def stent_privacy_handlers():
    return [MembershipHandler]


@hookimpl
def stent_demo_data(seed):
    create_demo_communities()
