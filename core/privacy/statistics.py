"""Published figures that never describe a group smaller than ``STENT_MIN_GROUP_SIZE``.

Counts go through ``suppress`` (one dimension) or ``suppress_table`` (two crossed dimensions
with their row, column and grand totals); percentages, means and medians through ``share``,
``mean`` and ``median``. A hidden figure is ``None`` (``null`` with ``"suppressed": true`` in
JSON, see ``figure``).

Zeros are published: a zero describes nobody. Every other count below the minimum is hidden
(primary suppression), then more counts are hidden (secondary suppression) until no hidden
count can be recomputed from what is published. The reader is assumed to know every published
count and total and that each hidden count is a whole number of at least 1 (zeros are shown).

How secondary suppression works: a table with its totals is an (R+1) x (C+1) grid in which
every row and column adds up (``cells - total = 0``). Moving values around a cycle of hidden
entries (+1, -1, +1, -1, signs flipped on the totals' row and column) keeps every sum, so a
hidden entry on such a cycle, along which the decreasing entries stay at least 1, has two
completions consistent with all that is published: it cannot be recomputed. Each hidden entry
without such a cycle gets one, found as the cheapest path (sum of the values newly hidden)
through the grid; every entry on that cycle is then protected by it.
"""
from __future__ import annotations

import heapq
import statistics as pystatistics
from dataclasses import dataclass, field
from typing import Hashable, Iterable

from django.conf import settings

DEFAULT_MIN_GROUP_SIZE = 10


def min_group_size() -> int:
    """The smallest group a published figure may describe (setting ``STENT_MIN_GROUP_SIZE``)."""
    return int(getattr(settings, "STENT_MIN_GROUP_SIZE", DEFAULT_MIN_GROUP_SIZE))


def _minimum(minimum: int | None) -> int:
    value = min_group_size() if minimum is None else minimum
    if value < 1:
        raise ValueError("The minimum group size must be at least 1.")
    return value


def _is_small(value: int, minimum: int) -> bool:
    return 0 < value < minimum


@dataclass
class Table:
    """A crossed count table as published: ``None`` marks a hidden figure."""

    rows: list
    columns: list
    cells: dict = field(default_factory=dict)  # (row, column) -> int | None
    row_totals: dict = field(default_factory=dict)  # row -> int | None
    column_totals: dict = field(default_factory=dict)  # column -> int | None
    total: int | None = None

    def as_dict(self) -> dict:
        """The JSON shape: lists of figures, each ``{"value", "suppressed"}``."""
        return {
            "cells": [{"row": row, "column": column, **figure(self.cells[row, column])}
                      for row in self.rows for column in self.columns],
            "row_totals": [{"row": row, **figure(self.row_totals[row])} for row in self.rows],
            "column_totals": [{"column": column, **figure(self.column_totals[column])}
                              for column in self.columns],
            "total": figure(self.total),
        }


def figure(value: int | float | None) -> dict:
    """One published figure in JSON: its value, or ``null`` with ``"suppressed": true``."""
    return {"value": value, "suppressed": value is None}


class _Grid:
    """The table and its totals as one grid; the last row and column hold the totals."""

    def __init__(self, values: list[list[int]], minimum: int):
        self.values = values
        self.last_row = len(values) - 1
        self.last_column = len(values[0]) - 1
        self.hidden = {(i, j) for i, row in enumerate(values) for j, value in enumerate(row)
                       if _is_small(value, minimum)}

    def sign(self, i: int, j: int) -> int:
        """+1 for a cell or the grand total, -1 for a row or column total."""
        return (-1 if i == self.last_row else 1) * (-1 if j == self.last_column else 1)

    def arcs(self, i: int, j: int):
        """The ways value may move through entry (i, j): ("row", i) -> ("col", j) adds to it
        when its sign is +1 and takes from it otherwise; the reverse arc does the opposite.
        Taking is allowed only while the entry stays at least 1; zeros never move."""
        value = self.values[i][j]
        if value == 0:
            return
        forward_takes = self.sign(i, j) < 0
        if not forward_takes or value >= 2:
            yield ("row", i), ("col", j)
        if forward_takes or value >= 2:
            yield ("col", j), ("row", i)

    def cheapest_cycle(self, entry: tuple[int, int]) -> list[tuple[int, int]] | None:
        """The entries to hide (none if already protected) for ``entry`` to lie on a cycle
        of hidden entries along which value can move; None if there is no such cycle."""
        best = None
        for start, end in self.arcs(*entry):
            path = self._cheapest_path(end, start, entry)
            if path is not None and (best is None or path[0] < best[0]):
                best = path
        return None if best is None else best[1]

    def _cheapest_path(self, source, target, excluded):
        adjacency: dict = {}
        for i, row in enumerate(self.values):
            for j in range(len(row)):
                if (i, j) == excluded:
                    continue
                cost = 0 if (i, j) in self.hidden else self.values[i][j]
                for start, end in self.arcs(i, j):
                    adjacency.setdefault(start, []).append((end, cost, (i, j)))
        distance = {source: 0}
        previous: dict = {}
        queue, counter = [(0, 0, source)], 0
        while queue:
            cost, _, vertex = heapq.heappop(queue)
            if vertex == target:
                break
            if cost > distance[vertex]:
                continue
            for end, step, through in adjacency.get(vertex, ()):
                if cost + step < distance.get(end, cost + step + 1):
                    distance[end] = cost + step
                    previous[end] = (vertex, through)
                    counter += 1
                    heapq.heappush(queue, (cost + step, counter, end))
        if target not in distance:
            return None
        entries, vertex = [], target
        while vertex != source:
            vertex, through = previous[vertex]
            entries.append(through)
        return distance[target], [e for e in entries if e not in self.hidden]

    def protect(self) -> None:
        """Secondary suppression: hide entries until every hidden one lies on a cycle."""
        pending = sorted(self.hidden)
        while pending:
            entry = pending.pop(0)
            extra = self.cheapest_cycle(entry)
            if extra is None:  # cannot happen: the row, column and grand totals form a cycle
                raise AssertionError(f"no protecting cycle for {entry}")
            self.hidden.update(extra)


def suppress_table(cells: dict[tuple[Hashable, Hashable], int], minimum: int | None = None,
                   ) -> Table:
    """Crossed counts with row, column and grand totals, small ones hidden (primary) and more
    hidden (secondary) so that no hidden figure can be recomputed from the published ones.

    Missing combinations count as 0. Rows and columns keep their first-seen order.
    """
    minimum = _minimum(minimum)
    rows = list(dict.fromkeys(row for row, _ in cells))
    columns = list(dict.fromkeys(column for _, column in cells))
    if not rows:
        return Table(rows=[], columns=[], total=0)
    for value in cells.values():
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ValueError("Counts must be whole numbers of at least 0.")
    values = [[cells.get((row, column), 0) for column in columns] for row in rows]
    for row in values:
        row.append(sum(row))
    values.append([sum(row[j] for row in values) for j in range(len(columns) + 1)])
    grid = _Grid(values, minimum)
    grid.protect()

    def shown(i, j):
        return None if (i, j) in grid.hidden else values[i][j]

    last_row, last_column = len(rows), len(columns)
    return Table(
        rows=rows, columns=columns,
        cells={(row, column): shown(i, j)
               for i, row in enumerate(rows) for j, column in enumerate(columns)},
        row_totals={row: shown(i, last_column) for i, row in enumerate(rows)},
        column_totals={column: shown(last_row, j) for j, column in enumerate(columns)},
        total=shown(last_row, last_column),
    )


def suppress(cells: dict[Hashable, int], minimum: int | None = None) -> dict:
    """Counts over one dimension, small ones hidden (``None``), plus as many more as needed
    so that none of them can be recomputed from the shown ones and their total.

    The total is taken as public (a petition's count, a poll's turnout). When it cannot be,
    because it is under the minimum or the hidden counts are all 1, every count but zeros is
    hidden: ``suppress_table`` then also tells you to hide the total.
    """
    table = suppress_table({(key, None): value for key, value in cells.items()}, minimum)
    if cells and table.total is None:
        return {key: 0 if value == 0 else None for key, value in cells.items()}
    return {key: table.cells[key, None] for key in cells}


def share(count: int, total: int, minimum: int | None = None) -> float | None:
    """``count`` as a percentage of ``total`` (1 decimal), or None when the group, the part
    counted or the part left out describes fewer people than the minimum (0 excepted)."""
    minimum = _minimum(minimum)
    if total < minimum or _is_small(count, minimum) or _is_small(total - count, minimum):
        return None
    return round(100 * count / total, 1)


def _enough(values: Iterable, minimum: int | None) -> list | None:
    values = list(values)
    return values if len(values) >= _minimum(minimum) else None


def mean(values: Iterable[float], minimum: int | None = None) -> float | None:
    """The mean of ``values``, or None when they come from fewer people than the minimum."""
    values = _enough(values, minimum)
    return None if values is None else float(pystatistics.fmean(values))


def median(values: Iterable[float], minimum: int | None = None) -> float | None:
    """The median of ``values``, or None when they come from fewer people than the minimum."""
    values = _enough(values, minimum)
    return None if values is None else float(pystatistics.median(values))
