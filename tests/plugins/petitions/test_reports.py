"""Aggregates: counts by region and per day never describe a group smaller than
STENT_MIN_GROUP_SIZE (the core statistics decide; hidden regions merge into "other")."""
import pytest

from plugins.petitions import reports, services
from plugins.petitions.reports import OTHER
from tests.factories import UserFactory
from tests.plugins.petitions.factories import make_petition

pytestmark = pytest.mark.django_db


def test_delivery_counts_by_region(settings):
    settings.STENT_MIN_GROUP_SIZE = 2
    petition = make_petition()
    for region in ["Bretagne"] * 3 + ["Occitanie"] * 3 + ["Corse", "", ""]:
        services.sign(petition, UserFactory(), region=region)
    petition.refresh_from_db()
    delivery = reports.delivery(petition)
    assert delivery["count"] == 9
    assert delivery["counts_by_region"] == [
        {"region": "Bretagne", "count": 3}, {"region": "Occitanie", "count": 3},
        {"region": OTHER, "count": 3}]
    assert "Corse" not in str(delivery)


def test_the_daily_chart_hides_small_days(settings):
    settings.STENT_MIN_GROUP_SIZE = 10
    petition = make_petition()
    for _ in range(3):
        services.sign(petition, UserFactory())
    [day] = reports.daily_counts(petition)
    assert (day["count"], day["suppressed"]) == (None, True)
    settings.STENT_MIN_GROUP_SIZE = 3
    [day] = reports.daily_counts(petition)
    assert (day["count"], day["suppressed"]) == (3, False)
