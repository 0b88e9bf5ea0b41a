"""Published figures of the agenda, through the core's small-group suppression."""
from core.privacy.statistics import suppress
from plugins.agenda.services.rsvp import counts


def rsvp_counts(event) -> dict:
    """RSVP answers per kind; a count below the minimum group size is hidden (``None``)."""
    shown = suppress(counts(event))
    return {**shown, "suppressed": any(value is None for value in shown.values())}
