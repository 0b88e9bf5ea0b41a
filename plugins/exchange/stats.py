"""Impact figures (items given and lent, by category and by region), through the core's
small-group suppression: no published figure describes fewer than STENT_MIN_GROUP_SIZE items."""
from django.db.models import Count

from core.privacy.statistics import figure, min_group_size, suppress_table
from plugins.exchange.models import ExchangeRequest, Kind, Mode, RequestStatus

COMPLETED = (RequestStatus.RECEIVED, RequestStatus.RETURNED)
COLUMNS = ("given", "lent")


def _counts(dimension: str) -> dict:
    """(dimension value, "given" | "lent") -> completed exchanges."""
    rows = (ExchangeRequest.objects.filter(status__in=COMPLETED)
            .values(dimension, "listing__kind", "listing__mode").annotate(n=Count("id")))
    cells = {}
    for row in rows:
        lent = row["listing__kind"] == Kind.OFFER and row["listing__mode"] == Mode.LEND
        key = (row[dimension] or "", "lent" if lent else "given")
        cells[key] = cells.get(key, 0) + row["n"]
    for row_key in {key for key, _ in cells}:
        for column in COLUMNS:
            cells.setdefault((row_key, column), 0)
    return dict(sorted(cells.items()))


def _rows(table, hide_all: bool) -> list[dict]:
    def shown(value):
        return None if hide_all and value else value

    return [{"key": row, **{column: figure(shown(table.cells[row, column]))
                            for column in COLUMNS}} for row in table.rows]


def impact_figures() -> dict:
    by_category = suppress_table(_counts("listing__category__slug"))
    by_region = suppress_table(_counts("listing__region"))
    totals = {}
    hide = {"category": False, "region": False}
    for column in COLUMNS:
        from_category = by_category.column_totals.get(column, 0)
        from_region = by_region.column_totals.get(column, 0)
        # Each table's protection assumes its totals public: a total one table hides must not
        # be published by the other, or its hidden cells could be recomputed.
        if from_category is None or from_region is None:
            hide["category"] |= from_category is not None
            hide["region"] |= from_region is not None
            totals[column] = None
        else:
            totals[column] = from_category
    return {
        "given": figure(totals["given"]), "lent": figure(totals["lent"]),
        "by_category": _rows(by_category, hide["category"]),
        "by_region": _rows(by_region, hide["region"]),
        "minimum_group_size": min_group_size(),
    }
