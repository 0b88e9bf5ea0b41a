"""Pledging through the API: the steps, the quantity given back, and every refusal."""
import pytest

from plugins.toys_donation.models import Pledge, WishlistItem
from plugins.toys_donation.services import pledges
from tests.factories import UserFactory
from tests.plugins.toys_donation.conftest import BASE, client_for
from tests.plugins.toys_donation.factories import make_institution, make_item, make_ward

pytestmark = pytest.mark.django_db


def post_pledge(user, target, **overrides):
    body = {"item": str(target.pk), "quantity": 3, "method": "shipping", **overrides}
    return client_for(user).post(f"{BASE}/pledges/", body, format="json")


def counters(item):
    fresh = WishlistItem.objects.get(pk=item.pk)
    return fresh.quantity_pledged, fresh.quantity_received


def test_a_pledge_goes_from_pledged_to_sent_to_received(donor, manager, item):
    response = post_pledge(donor, item)
    assert response.status_code == 201, response.content
    pledge = response.json()
    assert pledge["status"] == "pledged" and pledge["quantity"] == 3
    assert counters(item) == (3, 0)
    sent = client_for(donor).post(f"{BASE}/pledges/{pledge['id']}/send/")
    assert sent.status_code == 200 and sent.json()["status"] == "sent"
    assert sent.json()["sent_at"] is not None
    received = client_for(manager).post(f"{BASE}/pledges/{pledge['id']}/receive/",
                                        {"thanks": "Merci !"}, format="json")
    assert received.status_code == 200, received.content
    assert counters(item) == (3, 3)
    mine = client_for(donor).get(f"{BASE}/pledges/mine/").json()["results"]
    assert [(row["id"], row["status"]) for row in mine] == [(pledge["id"], "received")]


def test_the_same_idempotency_key_pledges_once(donor, item):
    client = client_for(donor)
    body = {"item": str(item.pk), "quantity": 2, "method": "dropoff"}
    first = client.post(f"{BASE}/pledges/", body, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    again = client.post(f"{BASE}/pledges/", body, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    assert Pledge.objects.count() == 1 and counters(item) == (2, 0)


def test_cancelling_gives_the_quantity_back_once(donor, item):
    pledge = post_pledge(donor, item).json()
    assert client_for(donor).post(f"{BASE}/pledges/{pledge['id']}/cancel/").status_code == 200
    assert counters(item) == (0, 0)
    again = client_for(donor).post(f"{BASE}/pledges/{pledge['id']}/cancel/")
    assert again.status_code == 409
    assert counters(item) == (0, 0)


def test_expiry_frees_unsent_pledges_only(donor, item):
    from datetime import timedelta

    from django.utils import timezone

    late = pledges.pledge(donor, item, quantity=2, method="shipping")
    sent = pledges.pledge(donor, item, quantity=3, method="shipping")
    pledges.mark_sent(donor, sent)
    Pledge.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    assert pledges.expire_due() == 1
    assert pledges.expire_due() == 0
    assert Pledge.objects.get(pk=late.pk).status == "expired"
    assert Pledge.objects.get(pk=sent.pk).status == "sent"
    assert counters(item) == (3, 0)


@pytest.mark.parametrize("body, field", [
    ({"quantity": 0}, "quantity"),
    ({"quantity": 11}, "quantity"),
    ({"quantity": "many"}, "quantity"),
    ({"quantity": None}, "quantity"),
    ({"method": "pigeon"}, "method"),
    ({"item": "not-a-uuid"}, "item"),
])
def test_bad_pledges_get_a_400_and_store_nothing(donor, item, body, field):
    response = post_pledge(donor, item, **body)
    assert response.status_code == 400, response.content
    assert field in response.json()
    assert Pledge.objects.count() == 0 and counters(item) == (0, 0)


def test_missing_fields_are_named(donor):
    response = client_for(donor).post(f"{BASE}/pledges/", {}, format="json")
    assert response.status_code == 400
    assert set(response.json()) == {"item", "quantity", "method"}


def test_a_closed_wishlist_refuses_pledges(donor, ward, item):
    ward.wishlist_open = False
    ward.save()
    assert post_pledge(donor, item).status_code == 409
    closed_item = make_item(ward, is_open=False)
    ward.wishlist_open = True
    ward.save()
    assert post_pledge(donor, closed_item).status_code == 409
    assert Pledge.objects.count() == 0


def test_a_method_the_ward_does_not_accept_is_refused(donor):
    item = make_item(make_ward(accepts_dropoff=False))
    response = post_pledge(donor, item, method="dropoff")
    assert response.status_code == 400 and "method" in response.json()
    assert Pledge.objects.count() == 0


def test_an_unverified_institution_cannot_be_pledged_to(donor):
    item = make_item(make_ward(institution=make_institution(verified=False)))
    assert post_pledge(donor, item).status_code == 404
    assert Pledge.objects.count() == 0


def test_only_a_manager_of_that_ward_confirms_a_reception(donor, item):
    pledge = post_pledge(donor, item).json()
    other_manager = make_ward().managers.first()
    for stranger in (donor, UserFactory(), other_manager):
        response = client_for(stranger).post(f"{BASE}/pledges/{pledge['id']}/receive/")
        assert response.status_code in (403, 404), response.content
    assert counters(item) == (3, 0)
    assert Pledge.objects.get().status == "pledged"


def test_someone_else_cannot_send_or_cancel_my_pledge(donor, item):
    pledge = post_pledge(donor, item).json()
    other = client_for(UserFactory())
    assert other.post(f"{BASE}/pledges/{pledge['id']}/cancel/").status_code == 404
    assert other.post(f"{BASE}/pledges/{pledge['id']}/send/").status_code == 404
    assert Pledge.objects.get().status == "pledged" and counters(item) == (3, 0)


def test_anonymous_visitors_cannot_pledge(item):
    assert post_pledge(None, item).status_code in (401, 403)
    assert Pledge.objects.count() == 0


def test_a_received_pledge_can_no_longer_be_cancelled(donor, manager, item):
    pledge = post_pledge(donor, item).json()
    client_for(manager).post(f"{BASE}/pledges/{pledge['id']}/receive/")
    assert client_for(donor).post(f"{BASE}/pledges/{pledge['id']}/cancel/").status_code == 409
    assert counters(item) == (3, 3)
