"""The consent purposes of polls: research surveys of its own, and the health data a survey may
ask for under the core's ``health_data``."""
from django.utils.translation import gettext_lazy as _

from core.privacy.purposes import ConsentPurpose, Purpose

RESEARCH_SURVEYS = "research_surveys"


def consent_purposes() -> list[ConsentPurpose]:
    return [
        ConsentPurpose(
            RESEARCH_SURVEYS, label=_("Being invited to research surveys"),
            covers=_("Your answers to research surveys."),
            on_withdrawal=_("From the moment you withdraw it, you cannot answer research "
                            "surveys. Answers you already submitted stay counted, linked to no "
                            "one; withdraw a response from its survey while it is open, or erase "
                            "your account, to remove it.")),
        ConsentPurpose(
            Purpose.HEALTH_DATA,
            covers=_("Your answers to surveys that ask about your health."),
            on_withdrawal=_("You cannot answer such surveys any more; withdraw a response from "
                            "its survey while it is open to remove it.")),
    ]
