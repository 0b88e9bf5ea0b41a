"""Published figures of the agenda, through the core's small-group suppression."""
from plugins.agenda.services.rsvp import counts


def rsvp_counts(event) -> dict:
    """RSVP answers per kind; a count below the minimum group size is hidden (``None``)."""
    raw = counts(event)
    try:
        from core.privacy.statistics import suppress
    except ImportError:  # until the core kit's statistics are merged: publish nothing
        shown = {key: None for key in raw}
    else:
        shown = suppress(raw)
    return {**shown, "suppressed": any(value is None for value in shown.values())}
