"""Aggregates: counts by region never describe a group smaller than STENT_MIN_GROUP_SIZE."""
import pytest

from plugins.petitions import reports, services
from plugins.petitions.reports import OTHER, suppress_small_cells
from tests.factories import UserFactory
from tests.plugins.petitions.factories import make_petition


def test_small_cells_merge_into_other():
    assert suppress_small_cells({"A": 30, "B": 12, "C": 6, "D": 5}, 10) == {
        "A": 30, "B": 12, OTHER: 11}


def test_a_lone_small_cell_takes_the_next_smallest_with_it():
    # Alone in "other", C could be recomputed from the total: B joins it.
    assert suppress_small_cells({"A": 30, "B": 12, "C": 4}, 10) == {"A": 30, OTHER: 16}


def test_other_below_the_minimum_takes_more_cells():
    assert suppress_small_cells({"A": 30, "B": 11, "C": 3, "D": 2}, 10) == {"A": 30, OTHER: 16}


def test_nothing_small_means_no_other():
    assert suppress_small_cells({"A": 10, "B": 10}, 10) == {"A": 10, "B": 10}
    assert suppress_small_cells({}, 10) == {}


@pytest.mark.parametrize("cells", [
    {"A": 50, "B": 9}, {"A": 12, "B": 11, "C": 1}, {"A": 3}, {"A": 40, "B": 20, "C": 9, "D": 9},
])
def test_no_hidden_cell_can_be_recomputed(cells):
    shown = suppress_small_cells(cells, 10)
    assert sum(shown.values()) == sum(cells.values())
    assert all(count >= 10 for key, count in shown.items() if key != OTHER)
    hidden = [key for key in cells if key not in shown]
    assert len(hidden) != 1 or sum(cells.values()) < 10 or len(cells) == 1


@pytest.mark.django_db
def test_delivery_counts_by_region(settings):
    settings.STENT_MIN_GROUP_SIZE = 2
    petition = make_petition()
    for region in ["Bretagne", "Bretagne", "Bretagne", "Occitanie", "Occitanie", "Corse", ""]:
        services.sign(petition, UserFactory(), region=region)
    petition.refresh_from_db()
    delivery = reports.delivery(petition)
    assert delivery["count"] == 7
    assert delivery["counts_by_region"] == [
        {"region": "Bretagne", "count": 3}, {"region": "Occitanie", "count": 2},
        {"region": OTHER, "count": 2}]
