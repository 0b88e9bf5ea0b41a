"""Agenda stores access needs, which say something of a member's health: under ``health_data``.
Withdrawing that consent removes them from the member's registrations at once."""
from django.utils.translation import gettext_lazy as _

from core.privacy.purposes import ConsentPurpose, Purpose


def consent_purposes() -> list[ConsentPurpose]:
    return [ConsentPurpose(
        Purpose.HEALTH_DATA,
        covers=_("The access needs you save or share with an event's organisers."),
        on_withdrawal=_("The access needs you shared with organisers are removed from your "
                        "registrations at once; your saved access needs stay private to you "
                        "until you delete them."))]


def stop_sharing_needs(sender, member, purpose, **kwargs):
    """Receiver of ``consent_withdrawn``: organisers no longer see the member's needs."""
    if purpose != Purpose.HEALTH_DATA:
        return
    from plugins.agenda.models import Registration

    Registration.objects.filter(member=member).update(shared_needs=[], shared_needs_note="")
