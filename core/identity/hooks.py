"""Hook implementations of core.identity (registered by core.plugins.CORE_HOOK_MODULES).

Hook modules are imported when the plugin manager is built, in ``CoreConfig.ready()``: the
models are loaded by then, so they import at the top like any module.
"""
from core.hookspecs import hookimpl
from core.identity import circles, outcomes
from core.identity.demo import create_demo_members
from core.identity.privacy import IdentityPrivacyHandler, PrivacyDataHandler


@hookimpl
def stent_notification_kinds():
    return outcomes.KINDS + circles.KINDS


@hookimpl
def stent_privacy_handlers():
    return [IdentityPrivacyHandler, PrivacyDataHandler]


@hookimpl
def stent_demo_data(seed):
    create_demo_members()
