"""Aggregates of a petition's signatures: progress, the daily chart and the delivery export.

Every figure but the petition's own count (public by design) goes through the core statistics,
so no published figure describes fewer than ``STENT_MIN_GROUP_SIZE`` signers.
"""
from django.db.models import Count
from django.db.models.functions import TruncDate

from core.privacy.statistics import suppress
from plugins.petitions import queries
from plugins.petitions.models import MILESTONES

#: The row merging the hidden regions: their names are free text typed by signers, so a hidden
#: region is never named, only counted with the others (total minus what is shown).
OTHER = "other"
NOT_GIVEN = ""


def progress(petition) -> dict:
    return {
        "count": petition.signature_count,
        "goal": petition.signature_goal,
        "percentage": petition.percentage,
        "milestones_reached": [m for m in MILESTONES if m <= petition.milestone_reached],
    }


def daily_counts(petition) -> list[dict]:
    """Signatures counted per day; a day too small to publish reads ``count: null``."""
    rows = (queries.counted_signatures(petition).annotate(day=TruncDate("confirmed_at"))
            .values("day").annotate(count=Count("pk")).order_by("day"))
    shown = suppress({row["day"]: row["count"] for row in rows})
    return [{"date": day, "count": count, "suppressed": count is None}
            for day, count in shown.items()]


def counts_by_region(petition) -> dict[str, int]:
    """{region: count}, largest first; the regions too small to publish merged into ``other``."""
    rows = queries.counted_signatures(petition).values("region").annotate(count=Count("pk"))
    cells = {row["region"] or NOT_GIVEN: row["count"] for row in rows}
    shown = suppress(cells)
    published = {region: count for region, count in shown.items() if count is not None}
    result = dict(sorted(published.items(), key=lambda item: (-item[1], item[0])))
    hidden = sum(cells[region] for region, count in shown.items() if count is None)
    if hidden:
        result[OTHER] = hidden
    return result


def delivery(petition, viewer=None) -> dict:
    """What the promoters hand to the target: the count, counts by region, named signers."""
    return {
        "petition": {"id": str(petition.pk), "title": petition.title, "target": petition.target},
        "count": petition.signature_count,
        "counts_by_region": [{"region": region, "count": count}
                             for region, count in counts_by_region(petition).items()],
        # A signer's region is given with their handle only when they chose it apart.
        "named_signers": [{"handle": s.owner.profile.handle,
                           "region": s.region if s.show_region else ""}
                          for s in queries.named_signers(viewer, petition)
                          .order_by("confirmed_at", "pk")],
    }
