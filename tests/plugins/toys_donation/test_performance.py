"""Every list endpoint runs a fixed number of queries at page sizes 1 and 50."""
import pytest

from plugins.toys_donation.models import ThanksUpdate
from plugins.toys_donation.services import pledges
from tests.factories import UserFactory
from tests.kit import assert_constant_queries
from tests.plugins.toys_donation.conftest import BASE, client_for
from tests.plugins.toys_donation.factories import make_institution, make_item, make_ward

pytestmark = pytest.mark.django_db


def test_institutions_and_wards(manager):
    assert assert_constant_queries(
        client_for(manager), f"{BASE}/institutions/",
        lambda n: [make_institution() for _ in range(n)]) <= 3
    assert assert_constant_queries(
        client_for(manager), f"{BASE}/wards/",
        lambda n: [make_ward(manager) for _ in range(n)]) <= 5


def test_wishlist_and_pledges(manager, ward, donor):
    assert assert_constant_queries(
        client_for(None), f"{BASE}/wards/{ward.pk}/wishlist/",
        lambda n: [make_item(ward) for _ in range(n)]) <= 3
    item = make_item(ward, quantity_needed=1000)
    assert assert_constant_queries(
        client_for(donor), f"{BASE}/pledges/mine/",
        lambda n: [pledges.pledge(donor, item, quantity=1, method="shipping")
                   for _ in range(n)]) <= 3
    assert assert_constant_queries(
        client_for(manager), f"{BASE}/wards/{ward.pk}/pledges/",
        lambda n: [pledges.pledge(UserFactory(), item, quantity=1, method="shipping",
                                  show_handle=True) for _ in range(n)]) <= 6


def test_thanks(manager, ward):
    assert assert_constant_queries(
        client_for(None), f"{BASE}/thanks/",
        lambda n: [ThanksUpdate.objects.create(owner=manager, audience="public", ward=ward,
                                               text="Merci", consent_confirmed=True)
                   for _ in range(n)]) <= 3
