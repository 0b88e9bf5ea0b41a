"""Hook implementations of core.identity (registered by core.plugins.CORE_HOOK_MODULES).

Hook modules are imported when the plugin manager is built, in ``CoreConfig.ready()``: the
models are loaded by then, so they import at the top like any module.
"""
from django.utils.translation import gettext_lazy as _

from core.hookspecs import hookimpl
from core.identity import circles, outcomes
from core.identity.demo import create_demo_members
from core.identity.privacy import IdentityPrivacyHandler, PrivacyDataHandler
from core.privacy.purposes import ConsentPurpose, Purpose


@hookimpl
def stent_notification_kinds():
    return outcomes.KINDS + circles.KINDS


@hookimpl
def stent_privacy_handlers():
    return [IdentityPrivacyHandler, PrivacyDataHandler]


@hookimpl
def stent_demo_data(seed):
    create_demo_members()


@hookimpl
def stent_consent_purposes():
    return [ConsentPurpose(Purpose.HEALTH_DATA, covers=_("The conditions on your profile."),
                           on_withdrawal=_("Your conditions stop being shown at once."))]
