"""The managers' desk: transfers marked received, refunds paid back, rewards fulfilled, CSV."""
import csv
import io

import pytest
from django.db import transaction

from plugins.crowdfunding.models import CampaignStatus, PledgeStatus, RewardStatus
from plugins.crowdfunding.services import payments
from plugins.crowdfunding.services.locking import lock_pledge
from tests.factories import UserFactory
from tests.plugins.crowdfunding.conftest import client_for
from tests.plugins.crowdfunding.factories import make_campaign, make_tier, paid_pledge, pledge

pytestmark = pytest.mark.django_db

URL = "/api/v1/crowdfunding/"


def test_a_manager_marks_a_transfer_received_by_its_reference(member):
    campaign = make_campaign(owner=member)
    waiting = pledge(campaign)
    url = f"{URL}campaigns/{campaign.pk}/transfers/confirm/"
    assert client_for(UserFactory()).post(url, {"reference": waiting.payment_reference},
                                          format="json").status_code == 403
    typed = waiting.payment_reference.replace(" ", "").lower()
    confirmed = client_for(member).post(url, {"reference": typed}, format="json")
    assert confirmed.status_code == 200 and confirmed.json()["status"] == "paid"
    campaign.refresh_from_db()
    assert (campaign.raised, campaign.backer_count) == (2_500, 1)
    again = client_for(member).post(url, {"reference": typed}, format="json")
    assert again.status_code == 409
    campaign.refresh_from_db()
    assert campaign.raised == 2_500


def test_a_reference_with_wrong_check_digits_is_a_400(member):
    campaign = make_campaign(owner=member)
    url = f"{URL}campaigns/{campaign.pk}/transfers/confirm/"
    assert "reference" in client_for(member).post(url, {"reference": "RF19 5390 0754 7034"},
                                                  format="json").json()
    assert client_for(member).post(url, {"reference": "RF18 5390 0754 7034"},
                                   format="json").status_code == 404
    assert client_for(member).post(url, {}, format="json").status_code == 400


def test_belgian_references_when_the_deployment_chooses_them(member, settings):
    settings.CROWDFUNDING_MANUAL_REFERENCE_FORMAT = "be"
    campaign = make_campaign(owner=member)
    waiting = pledge(campaign)
    assert waiting.payment_reference.startswith("+++")
    digits = waiting.payment_reference.strip("+")
    response = client_for(member).post(f"{URL}campaigns/{campaign.pk}/transfers/confirm/",
                                       {"reference": digits}, format="json")
    assert response.status_code == 200


def test_pledge_actions_belong_to_the_campaigns_managers(member, plugin_manager):
    campaign = make_campaign(owner=member)
    waiting = pledge(campaign)
    url = f"{URL}pledges/{waiting.pk}/confirm-payment/"
    assert client_for(waiting.owner).post(url).status_code == 403
    assert client_for(plugin_manager).post(url).json()["status"] == "paid"
    assert client_for(member).post(url).status_code == 409


def test_managers_see_pledges_without_anonymous_handles(member):
    campaign = make_campaign(owner=member)
    anonymous = paid_pledge(campaign, message="For my son")
    named = paid_pledge(campaign, named=True)
    rows = {row["id"]: row for row in client_for(member).get(
        f"{URL}campaigns/{campaign.pk}/pledges/managed/").json()["results"]}
    assert rows[str(anonymous.pk)]["handle"] is None
    assert rows[str(named.pk)]["handle"] == named.owner.profile.handle
    assert client_for(UserFactory()).get(
        f"{URL}campaigns/{campaign.pk}/pledges/managed/").status_code == 403


def test_fulfilment_drops_shipping_details_and_the_report_shows_them_only_until_then(member):
    campaign = make_campaign(owner=member)
    shipped = make_tier(campaign=campaign, needs_shipping=True, title="T-shirt")
    digital = make_tier(campaign=campaign, title="=cmd|' /C calc'!A0")
    parcel = paid_pledge(campaign, tier=shipped, shipping_name="Camille Martin",
                         shipping_address="3 rue des Lilas, Lyon", message="Bravo")
    paid_pledge(campaign, tier=digital, shipping_name="Ignored", shipping_address="Ignored")
    anonymous_handle = parcel.owner.profile.handle

    report = client_for(member).get(f"{URL}campaigns/{campaign.pk}/report/")
    assert report.status_code == 200 and report["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(report.content.decode())))
    by_tier = {row["tier"]: row for row in rows}
    assert by_tier["T-shirt"]["shipping_address"] == "3 rue des Lilas, Lyon"
    assert by_tier["'=cmd|' /C calc'!A0"]["shipping_name"] == ""  # no shipping: none kept
    assert anonymous_handle not in report.content.decode()
    assert client_for(UserFactory()).get(f"{URL}campaigns/{campaign.pk}/report/").status_code \
        == 403

    done = client_for(member).post(f"{URL}pledges/{parcel.pk}/fulfil/")
    assert done.status_code == 200 and done.json()["reward_status"] == "fulfilled"
    parcel.refresh_from_db()
    assert (parcel.shipping_name, parcel.shipping_address) == ("", "")
    assert "Lilas" not in client_for(member).get(
        f"{URL}campaigns/{campaign.pk}/report/").content.decode()
    assert client_for(member).post(f"{URL}pledges/{parcel.pk}/fulfil/").status_code == 409


def test_manual_refunds_are_listed_then_marked_paid_back(member):
    campaign = make_campaign(owner=member)
    paid = paid_pledge(campaign)
    with transaction.atomic():
        payments.refund_paid(lock_pledge(paid.pk))
    due = client_for(member).get(f"{URL}campaigns/{campaign.pk}/pledges/managed/",
                                 {"status": "refund_due"}).json()["results"]
    assert [(row["id"], row["amount"]["amount"], row["payment_reference"]) for row in due] == [
        (str(paid.pk), 2_500, paid.payment_reference)]
    campaign.refresh_from_db()
    assert (campaign.raised, campaign.backer_count) == (0, 0)
    url = f"{URL}pledges/{paid.pk}/refunded/"
    assert client_for(member).post(url).json()["status"] == "refunded"
    assert client_for(member).post(url).status_code == 409
    campaign.refresh_from_db()
    assert campaign.raised == 0


def test_closing_needs_an_ended_campaign_and_no_refund_left(member):
    campaign = make_campaign(owner=member)
    url = f"{URL}campaigns/{campaign.pk}/close/"
    assert client_for(member).post(url).status_code == 409
    parcel = paid_pledge(campaign, tier=make_tier(campaign=campaign, needs_shipping=True),
                         shipping_name="Camille", shipping_address="Lyon")
    campaign.__class__.objects.filter(pk=campaign.pk).update(status=CampaignStatus.SUCCESSFUL)
    closed = client_for(member).post(url)
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
    parcel.refresh_from_db()
    assert parcel.shipping_address == "" and parcel.reward_status == RewardStatus.TO_FULFIL
    assert parcel.status == PledgeStatus.PAID


def test_the_site_team_reading_backers_data_is_audited(member, plugin_manager):
    from core.privacy.models import AuditEntry

    campaign = make_campaign(owner=member)
    paid_pledge(campaign)
    client_for(member).get(f"{URL}campaigns/{campaign.pk}/report/")
    assert not AuditEntry.objects.exists()  # the owner reads their own campaign's pledges
    assert client_for(plugin_manager).get(f"{URL}campaigns/{campaign.pk}/report/").status_code \
        == 200
    client_for(plugin_manager).get(f"{URL}campaigns/{campaign.pk}/pledges/managed/")
    assert sorted(AuditEntry.objects.values_list("action", flat=True)) == [
        "crowdfunding.pledges_viewed", "crowdfunding.report_viewed"]
