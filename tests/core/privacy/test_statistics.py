"""Published figures: nothing under the minimum group size, and no hidden count recomputable.

The property tests play the reader: they know every published count and total and that a
hidden count is a whole number of at least 1 (zeros are published). For each hidden figure a
linear programme finds its smallest and largest value consistent with all that; the
constraints of a table with its margins are totally unimodular, so two different optima mean
two whole-number completions giving it different values: it cannot be recomputed.
"""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from core.privacy.statistics import (Table, figure, mean, median, min_group_size, share,
                                     suppress, suppress_table)

counts = st.one_of(st.integers(0, 3), st.integers(0, 12), st.integers(0, 40))
minimums = st.integers(2, 10)


@st.composite
def tables(draw):
    rows = draw(st.integers(1, 4))
    columns = draw(st.integers(1, 4))
    return {(f"r{i}", f"c{j}"): draw(counts) for i in range(rows) for j in range(columns)}


def grid_of(table: Table, truth: dict):
    """The published table and its totals as one grid (last row and column: totals), with
    the true values beside it."""
    shown = [[table.cells[r, c] for c in table.columns] + [table.row_totals[r]]
             for r in table.rows]
    shown.append([table.column_totals[c] for c in table.columns] + [table.total])
    true = [[truth.get((r, c), 0) for c in table.columns] for r in table.rows]
    for row in true:
        row.append(sum(row))
    true.append([sum(row[j] for row in true) for j in range(len(table.columns) + 1)])
    return shown, true


def hidden_figures_that_can_be_recomputed(shown) -> list:
    """Every hidden entry whose value is the same in all completions consistent with what is
    published (each line of the grid adds up: cells - total = 0)."""
    hidden = [(i, j) for i, row in enumerate(shown) for j, value in enumerate(row)
              if value is None]
    if not hidden:
        return []
    index = {entry: k for k, entry in enumerate(hidden)}
    last_row, last_column = len(shown) - 1, len(shown[0]) - 1
    equations, constants = [], []
    lines = ([[(i, j) for j in range(last_column + 1)] for i in range(last_row + 1)]
             + [[(i, j) for i in range(last_row + 1)] for j in range(last_column + 1)])
    for line in lines:
        coefficients, constant = [0] * len(hidden), 0
        for position, (i, j) in enumerate(line):
            sign = -1 if position == len(line) - 1 else 1  # the total closes the line
            if (i, j) in index:
                coefficients[index[i, j]] += sign
            else:
                constant -= sign * shown[i][j]
        if any(coefficients):
            equations.append(coefficients)
            constants.append(constant)
    recomputable = []
    for entry, k in index.items():
        objective = [0] * len(hidden)
        objective[k] = 1
        low = linprog(objective, A_eq=equations, b_eq=constants, bounds=(1, None))
        high = linprog([-c for c in objective], A_eq=equations, b_eq=constants,
                       bounds=(1, None))
        assert low.status == 0, "the true values are a completion: the programme is feasible"
        if high.status == 0 and -high.fun - low.fun < 0.5:
            recomputable.append(entry)
    return recomputable


@settings(max_examples=150, deadline=None)
@given(tables(), minimums)
def test_no_published_figure_of_a_table_describes_a_small_group(cells, minimum):
    table = suppress_table(cells, minimum)
    shown, true = grid_of(table, cells)
    for shown_row, true_row in zip(shown, true):
        for published, value in zip(shown_row, true_row):
            assert published is None or published == value
            assert published is None or published == 0 or published >= minimum
            if value == 0:
                assert published == 0, "zeros are published"


@settings(max_examples=150, deadline=None)
@given(tables(), minimums)
def test_no_hidden_figure_of_a_table_can_be_recomputed(cells, minimum):
    shown, _ = grid_of(suppress_table(cells, minimum), cells)
    assert hidden_figures_that_can_be_recomputed(shown) == []


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from("abcdefgh"), counts, min_size=1), minimums)
def test_one_dimension_hides_small_counts_and_never_one_alone(cells, minimum):
    published = suppress(cells, minimum)
    assert published.keys() == cells.keys()
    hidden = [cells[key] for key, value in published.items() if value is None]
    for key, value in published.items():
        assert value is None or value == cells[key]
        assert value is None or value == 0 or value >= minimum
    if suppress_table({(k, None): v for k, v in cells.items()}, minimum).total is None:
        return  # the total cannot be published either: the caller is told so
    if hidden:
        # Known: their sum (total minus the shown ones), each at least 1.
        assert len(hidden) >= 2 and sum(hidden) > len(hidden)


def test_nine_people_are_hidden_and_ten_shown(settings):
    settings.STENT_MIN_GROUP_SIZE = 10
    assert min_group_size() == 10
    # 9 is hidden; so is the smallest other count, else 9 = total - the shown ones.
    assert suppress({"Bretagne": 10, "Occitanie": 9, "Corse": 25, "Alsace": 0}) == {
        "Bretagne": None, "Occitanie": None, "Corse": 25, "Alsace": 0}
    assert suppress({"yes": 10, "no": 12}) == {"yes": 10, "no": 12}
    assert share(9, 40) is None and share(10, 40) == 25.0
    assert share(31, 40) is None, "the 9 left out would be described"
    assert mean([3] * 9) is None and mean([3] * 10) == 3.0
    assert median([1, 2] * 4 + [5]) is None and median([1, 2] * 5) == 1.5


def test_a_crossed_table_hides_a_second_cell_in_the_row_and_the_column():
    table = suppress_table({("fr", "yes"): 30, ("fr", "no"): 3,
                            ("be", "yes"): 25, ("be", "no"): 20}, minimum=10)
    assert table.cells == {("fr", "yes"): None, ("fr", "no"): None,
                           ("be", "yes"): None, ("be", "no"): None}
    assert table.row_totals == {"fr": 33, "be": 45}
    assert table.column_totals == {"yes": 55, "no": 23}
    assert table.total == 78
    assert table.as_dict()["cells"][1] == {"row": "fr", "column": "no", "value": None,
                                           "suppressed": True}


def test_the_minimum_comes_from_the_settings(settings):
    settings.STENT_MIN_GROUP_SIZE = 3
    assert suppress({"a": 3, "b": 4}) == {"a": 3, "b": 4}
    assert figure(None) == {"value": None, "suppressed": True}
    with pytest.raises(ValueError):
        suppress({"a": -1})
    with pytest.raises(ValueError):
        share(1, 2, minimum=0)
