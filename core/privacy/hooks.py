"""Hook implementations of core.privacy (registered by core.plugins.CORE_HOOK_MODULES)."""
from django.utils.translation import gettext_lazy as _

from core.hookspecs import hookimpl
from core.privacy.demo import create_demo_privacy_policy
from core.privacy.privacy import AccountHandler, IdempotencyHandler
from core.privacy.purposes import ConsentPurpose, Purpose


@hookimpl
def stent_privacy_handlers():
    return [AccountHandler, IdempotencyHandler]


@hookimpl
def stent_demo_data(seed):
    create_demo_privacy_policy()


@hookimpl
def stent_consent_purposes():
    return [
        ConsentPurpose(
            Purpose.HEALTH_DATA, label=_("Storing and using the health data I enter"),
            covers=_("Any health information a service asks for."),
            on_withdrawal=_("From the moment you withdraw it, your health data is shown to no "
                            "one and you cannot add more. What is stored stays yours: remove it "
                            "where you entered it, or erase your account (DELETE /api/v1/me/) "
                            "to remove everything.")),
        ConsentPurpose(
            Purpose.EMAIL_NEWS, label=_("Receiving news by e-mail"),
            covers=_("Your e-mail address, for news."),
            on_withdrawal=_("From the moment you withdraw it, you receive no more news by "
                            "e-mail.")),
    ]
