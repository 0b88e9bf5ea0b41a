"""Who sees what: unverified institutions, the ward's address, the donor's handle, as each kind
of viewer; and institutions through the privacy matrix."""
import pytest

from core.privacy.audiences import Audience
from plugins.toys_donation.models import Institution
from plugins.toys_donation.services import pledges
from tests.factories import UserFactory
from tests.kit import assert_follows_matrix
from tests.plugins.toys_donation.conftest import BASE, client_for
from tests.plugins.toys_donation.factories import make_institution, make_item, make_ward

pytestmark = pytest.mark.django_db


def test_institutions_follow_the_matrix():
    assert_follows_matrix(
        lambda owner, audience, community: make_institution(owner, audience=audience,
                                                            community=community),
        lambda obj: f"{BASE}/institutions/{obj.pk}/", list_url=f"{BASE}/institutions/")


def test_pledges_follow_the_matrix():
    def pledge(owner, audience, community):
        made = pledges.pledge(owner, make_item(), quantity=1, method="shipping")
        type(made).objects.filter(pk=made.pk).update(audience=audience, community=community)
        made.refresh_from_db()
        return made

    assert_follows_matrix(pledge)


def test_thanks_follow_the_matrix():
    from plugins.toys_donation.models import ThanksUpdate

    assert_follows_matrix(
        lambda owner, audience, community: ThanksUpdate.objects.create(
            owner=owner, audience=audience, community=community, ward=make_ward(),
            text="Merci", consent_confirmed=True),
        lambda obj: f"{BASE}/thanks/{obj.pk}/", list_url=f"{BASE}/thanks/")


@pytest.mark.parametrize("viewer, sees", [
    ("anonymous", False), ("stranger", False), ("registrant", True), ("moderator", True)])
def test_an_unverified_institution_is_invisible_but_to_its_registrant_and_moderators(
        viewer, sees, moderator):
    registrant = UserFactory()
    institution = make_institution(registrant, verified=False)
    make_ward(institution=institution)
    user = {"anonymous": None, "stranger": UserFactory(), "registrant": registrant,
            "moderator": moderator}[viewer]
    client = client_for(user)
    listed = [row["id"] for row in client.get(f"{BASE}/institutions/").json()["results"]]
    assert (str(institution.pk) in listed) is sees
    assert client.get(f"{BASE}/institutions/{institution.pk}/").status_code == (
        200 if sees else 404)
    assert (len(client.get(f"{BASE}/wards/").json()["results"]) == 1) is sees
    assert Institution.objects.visible_to(user).filter(pk=institution.pk).exists() is sees


def test_a_moderator_verifies_an_institution_and_it_appears(moderator):
    registrant = UserFactory()
    created = client_for(registrant).post(f"{BASE}/institutions/", {
        "name": "Hôpital Necker", "city": "Paris"}, format="json")
    assert created.status_code == 201 and created.json()["verified"] is False
    key = created.json()["id"]
    assert client_for(None).get(f"{BASE}/institutions/{key}/").status_code == 404
    assert client_for(registrant).post(f"{BASE}/institutions/{key}/verify/").status_code == 403
    verified = client_for(moderator).post(f"{BASE}/institutions/{key}/verify/")
    assert verified.status_code == 200 and verified.json()["verified"] is True
    assert client_for(None).get(f"{BASE}/institutions/{key}/").status_code == 200
    assert client_for(moderator).post(f"{BASE}/institutions/{key}/verify/").status_code == 409


def address_seen_by(user, ward):
    detail = client_for(user).get(f"{BASE}/wards/{ward.pk}/").json()["delivery_address"]
    listed = [row["delivery_address"] for row in
              client_for(user).get(f"{BASE}/wards/").json()["results"] if row["id"] == str(ward.pk)]
    assert listed == [detail]
    return detail is not None


def test_the_address_is_shown_to_managers_and_to_donors_with_an_active_pledge(
        donor, manager, ward, item):
    assert not address_seen_by(None, ward)
    assert not address_seen_by(UserFactory(), ward)
    assert not address_seen_by(donor, ward)
    assert address_seen_by(manager, ward)
    pledge = pledges.pledge(donor, item, quantity=1, method="shipping")
    assert address_seen_by(donor, ward)
    pledges.mark_sent(donor, pledge)
    assert address_seen_by(donor, ward)  # still on its way: sent is active
    pledges.receive(manager, pledge)
    assert not address_seen_by(donor, ward)  # received: no longer needed


def test_a_cancelled_pledge_no_longer_shows_the_address(donor, ward, item):
    pledges.cancel(donor, pledges.pledge(donor, item, quantity=1, method="shipping"))
    assert not address_seen_by(donor, ward)


def test_the_ward_sees_a_donors_handle_only_with_consent(manager, ward, item):
    named, unnamed = UserFactory(), UserFactory()
    pledges.pledge(named, item, quantity=1, method="shipping", show_handle=True)
    pledges.pledge(unnamed, item, quantity=1, method="shipping")
    response = client_for(manager).get(f"{BASE}/wards/{ward.pk}/pledges/")
    assert response.status_code == 200
    donors = sorted(str(row["donor"]) for row in response.json()["results"])
    assert donors == sorted([named.profile.handle, "None"])
    assert "email" not in response.content.decode()


@pytest.mark.parametrize("viewer", ["anonymous", "donor", "stranger", "other_manager"])
def test_only_the_wards_managers_list_its_pledges(viewer, donor, ward, item):
    pledges.pledge(donor, item, quantity=1, method="shipping", show_handle=True)
    user = {"anonymous": None, "donor": donor, "stranger": UserFactory(),
            "other_manager": make_ward().managers.first()}[viewer]
    response = client_for(user).get(f"{BASE}/wards/{ward.pk}/pledges/")
    assert response.status_code in (401, 403)


def test_a_private_institution_audience_is_respected():
    institution = make_institution(audience=Audience.MEMBERS)
    assert client_for(None).get(f"{BASE}/institutions/{institution.pk}/").status_code == 404
    assert client_for(UserFactory()).get(
        f"{BASE}/institutions/{institution.pk}/").status_code == 200
