"""Aggregates of a petition's signatures: the daily chart and the delivery export."""
from django.conf import settings
from django.db.models import Count
from django.db.models.functions import TruncDate

from plugins.petitions.models import MILESTONES, Signature

OTHER = "other"
NOT_GIVEN = ""


def counted(petition):
    return Signature.objects.filter(petition=petition, confirmed_at__isnull=False)


def progress(petition) -> dict:
    return {
        "count": petition.signature_count,
        "goal": petition.signature_goal,
        "percentage": petition.percentage,
        "milestones_reached": [m for m in MILESTONES if m <= petition.milestone_reached],
    }


def daily_counts(petition) -> list[dict]:
    """Signatures counted per day: aggregates of the public count, no person in them."""
    rows = (counted(petition).annotate(day=TruncDate("confirmed_at")).values("day")
            .annotate(count=Count("pk")).order_by("day"))
    return [{"date": row["day"], "count": row["count"]} for row in rows]


def suppress_small_cells(cells: dict[str, int], minimum: int) -> dict[str, int]:
    """Merge every cell below ``minimum`` into ``other``, then keep merging the smallest shown
    cells until ``other`` is empty or holds at least ``minimum`` from two cells or more, so no
    hidden cell can be recomputed from the total and the shown ones."""
    shown = dict(sorted(cells.items(), key=lambda item: (item[1], item[0])))
    hidden = {key: value for key, value in shown.items() if value < minimum}
    for key in hidden:
        del shown[key]
    while hidden and (sum(hidden.values()) < minimum or len(hidden) == 1) and shown:
        key = next(iter(shown))  # the smallest cell still shown
        hidden[key] = shown.pop(key)
    result = dict(sorted(shown.items(), key=lambda item: (-item[1], item[0])))
    if hidden:
        result[OTHER] = sum(hidden.values())
    return result


def counts_by_region(petition) -> dict[str, int]:
    rows = counted(petition).values("region").annotate(count=Count("pk"))
    cells = {row["region"] or NOT_GIVEN: row["count"] for row in rows}
    return suppress_small_cells(cells, settings.STENT_MIN_GROUP_SIZE)


def named_signers(petition):
    """Only what signers agreed to disclose: the handle of those who chose to be named."""
    return (counted(petition).filter(show_name=True, owner__isnull=False)
            .select_related("owner__profile").order_by("confirmed_at", "pk"))


def delivery(petition) -> dict:
    return {
        "petition": {"id": str(petition.pk), "title": petition.title, "target": petition.target},
        "count": petition.signature_count,
        "counts_by_region": [{"region": region, "count": count}
                             for region, count in counts_by_region(petition).items()],
        "named_signers": [{"handle": s.owner.profile.handle, "region": s.region}
                          for s in named_signers(petition)],
    }
