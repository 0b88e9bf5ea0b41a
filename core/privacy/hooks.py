"""Hook implementations of core.privacy (registered by core.plugins.CORE_HOOK_MODULES)."""
from core.hookspecs import hookimpl


@hookimpl
def stent_notification_kinds():
    from core.privacy.circles import KINDS

    return KINDS


@hookimpl
def stent_privacy_handlers():
    from core.privacy.privacy import AccountHandler, IdempotencyHandler, PrivacyDataHandler

    return [PrivacyDataHandler, AccountHandler, IdempotencyHandler]


@hookimpl
def stent_demo_data(seed):
    from core.privacy.demo import create_demo_privacy_policy

    create_demo_privacy_policy()
