"""Impact figures per ward and overall, published only for wards that agree, through the core
statistics: a quantity given by donors (or money given by backers) is hidden with the count of
pledges behind it, so no small group of donors can be read from the figures or their totals.

What a ward states itself (toys needed, money spent) describes no donor and is published.
"""
from collections import defaultdict

from django.db.models import Count, Q, Sum

from core.money import format_money
from core.privacy.statistics import figure, suppress_table
from plugins.toys_donation.models import (ACTIVE_STATUSES, Allocation, PledgeStatus, Purchase,
                                          Ward, WishlistItem)

GIVEN = ("pledged", "received", "allocated")


def _collect(ward_ids):
    figures = defaultdict(lambda: defaultdict(int))
    for row in (WishlistItem.objects.filter(ward_id__in=ward_ids).values("ward_id").annotate(
            n_pledges=Count("pledges", filter=Q(pledges__status__in=[*ACTIVE_STATUSES,
                                                                   PledgeStatus.RECEIVED])),
            n_receptions=Count("pledges", filter=Q(pledges__status=PledgeStatus.RECEIVED)))):
        ward = figures[row["ward_id"]]
        ward["pledges"] += row["n_pledges"]
        ward["receptions"] += row["n_receptions"]
    # Quantities are summed without the join on pledges (which would repeat each item).
    for row in (WishlistItem.objects.filter(ward_id__in=ward_ids).values("ward_id").annotate(
            needed=Sum("quantity_needed"), pledged=Sum("quantity_pledged"),
            received=Sum("quantity_received"))):
        figures[row["ward_id"]]["needed"] = row["needed"] or 0
        figures[row["ward_id"]]["pledged"] = row["pledged"] or 0
        figures[row["ward_id"]]["received"] = row["received"] or 0
    money = defaultdict(lambda: defaultdict(int))
    for row in (Allocation.objects.filter(ward_id__in=ward_ids).values("ward_id", "currency")
                .annotate(total=Sum("amount"), n=Count("pk"))):
        money[row["ward_id"]][("allocated", row["currency"])] = row["total"]
        figures[row["ward_id"]]["allocations"] += row["n"]
    for row in (Purchase.objects.filter(ward_id__in=ward_ids).values("ward_id", "currency")
                .annotate(total=Sum("amount"))):
        money[row["ward_id"]][("spent", row["currency"])] = row["total"]
    return figures, money


def _hidden_pattern(figures, ward_ids):
    """Which (ward, figure) cells the statistics module hides, from the counts behind them."""
    counts = {}
    for ward_id in ward_ids:
        ward = figures[ward_id]
        counts[(ward_id, "pledged")] = ward["pledges"]
        counts[(ward_id, "received")] = ward["receptions"]
        counts[(ward_id, "allocated")] = ward["allocations"]
    table = suppress_table(counts)
    hidden = {key for key, value in table.cells.items() if value is None}
    hidden_totals = {column for column, value in table.column_totals.items() if value is None}
    return hidden, hidden_totals


def _money(entries, kind):
    return [{"amount": total, "currency": currency,
             "formatted": format_money(total, currency)}
            for (what, currency), total in sorted(entries.items()) if what == kind]


def impact(wards=None) -> dict:
    """``{"overall": {...}, "wards": {ward_id: {...}}}`` over the wards that agreed."""
    public = Ward.objects.filter(impact_public=True, institution__verified_at__isnull=False)
    if wards is not None:
        public = public.filter(pk__in=wards)
    ward_ids = list(public.order_by("pk").values_list("pk", flat=True))
    figures, money = _collect(ward_ids)
    hidden, hidden_totals = _hidden_pattern(figures, ward_ids) if ward_ids else (set(), set())
    per_ward = {}
    overall = defaultdict(int)
    overall_money = defaultdict(int)
    for ward_id in ward_ids:
        ward = figures[ward_id]
        row = {"needed": ward["needed"]}
        for name in ("pledged", "received"):
            row[name] = None if (ward_id, name) in hidden else ward[name]
        for name in ("needed", "pledged", "received"):
            overall[name] += ward[name]
        allocated = _money(money[ward_id], "allocated")
        row["allocated"] = None if (ward_id, "allocated") in hidden else allocated
        row["spent"] = _money(money[ward_id], "spent")
        for key, total in money[ward_id].items():
            overall_money[key] += total
        per_ward[ward_id] = row
    summary = {"needed": overall["needed"]}
    for name in ("pledged", "received"):
        summary[name] = None if name in hidden_totals else overall[name]
    summary["allocated"] = (None if "allocated" in hidden_totals
                            else _money(overall_money, "allocated"))
    summary["spent"] = _money(overall_money, "spent")
    summary["wards"] = len(ward_ids)
    return {"overall": summary, "wards": per_ward}


def as_json(figures: dict) -> dict:
    """One ward's (or the overall) figures, each as ``{"value", "suppressed"}``."""
    shaped = {name: figure(figures[name]) for name in ("needed", "pledged", "received")}
    shaped["allocated"] = figure(figures["allocated"])
    shaped["spent"] = figure(figures["spent"])
    if "wards" in figures:
        shaped["wards"] = figures["wards"]
    return shaped
