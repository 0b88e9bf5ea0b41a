"""Hook implementations of core.identity (registered by core.plugins.CORE_HOOK_MODULES)."""
from core.hookspecs import hookimpl


@hookimpl
def stent_notification_kinds():
    from core.identity.outcomes import KINDS

    return KINDS


@hookimpl
def stent_privacy_handlers():
    from core.identity.privacy import IdentityPrivacyHandler

    return [IdentityPrivacyHandler]


@hookimpl
def stent_demo_data(seed):
    from core.identity.demo import create_demo_members

    create_demo_members()
