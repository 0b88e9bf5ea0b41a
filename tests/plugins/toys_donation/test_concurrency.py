"""Real parallel transactions on PostgreSQL: pledges never exceed the need; expiry and
cancellation give a quantity back exactly once, even at the same moment."""
from datetime import timedelta

import pytest
from django.utils import timezone

from plugins.toys_donation.models import Pledge, WishlistItem
from plugins.toys_donation.services import pledges
from tests.concurrency import POSTGRESQL_ONLY, run_in_parallel
from tests.factories import UserFactory
from tests.plugins.toys_donation.conftest import BASE, client_for
from tests.plugins.toys_donation.factories import make_item

pytestmark = [pytest.mark.postgres, *POSTGRESQL_ONLY]


def test_thirty_donors_pledging_at_once_on_ten_never_exceed_ten():
    item = make_item(quantity_needed=10)
    donors = iter([UserFactory() for _ in range(30)])
    statuses = run_in_parallel(lambda: client_for(next(donors)).post(
        f"{BASE}/pledges/", {"item": str(item.pk), "quantity": 1, "method": "shipping"},
        format="json").status_code, 30)
    assert sorted(statuses) == [201] * 10 + [400] * 20
    item.refresh_from_db()
    assert item.quantity_pledged == 10
    assert Pledge.objects.filter(item=item).count() == 10


def test_expiry_and_cancellation_at_the_same_moment_give_back_once():
    item = make_item(quantity_needed=10)
    donors = [UserFactory() for _ in range(8)]
    made = [pledges.pledge(donor, item, quantity=1, method="shipping") for donor in donors]
    Pledge.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    jobs = iter([lambda: pledges.expire_due()] * 4
                + [lambda p=p, d=d: pledges.cancel(d, p) for p, d in zip(made, donors)] * 2)
    run_in_parallel(lambda: next(jobs)(), 20)
    item.refresh_from_db()
    assert item.quantity_pledged == 0
    ended = Pledge.objects.filter(item=item)
    assert all(pledge.status in ("expired", "cancelled") for pledge in ended)
    assert WishlistItem.objects.get(pk=item.pk).quantity_pledged == sum(
        p.quantity for p in ended if p.status in ("pledged", "sent"))
