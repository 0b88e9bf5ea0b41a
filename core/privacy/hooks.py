"""Hook implementations of core.privacy (registered by core.plugins.CORE_HOOK_MODULES)."""
from core.hookspecs import hookimpl
from core.privacy.demo import create_demo_privacy_policy
from core.privacy.privacy import AccountHandler, IdempotencyHandler


@hookimpl
def stent_privacy_handlers():
    return [AccountHandler, IdempotencyHandler]


@hookimpl
def stent_demo_data(seed):
    create_demo_privacy_policy()
