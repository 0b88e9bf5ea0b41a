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


def test_named_signers_give_their_region_only_when_they_chose_it(settings):
    """Issue 17 item 20: "show my handle" discloses the handle; the region needs its own choice."""
    settings.STENT_MIN_GROUP_SIZE = 1
    petition = make_petition()
    handle_only, with_region = UserFactory(), UserFactory()
    services.sign(petition, handle_only, show_name=True, region="Bretagne")
    services.sign(petition, with_region, show_name=True, show_region=True, region="Occitanie")
    assert reports.delivery(petition)["named_signers"] == [
        {"handle": handle_only.profile.handle, "region": ""},
        {"handle": with_region.profile.handle, "region": "Occitanie"}]
    # The region is still counted (suppressed like every figure), never tied to the handle.
    assert {"region": "Bretagne", "count": 1} in reports.delivery(petition)["counts_by_region"]


def test_the_consent_texts_say_what_is_disclosed():
    from plugins.petitions.models import Signature

    show_name = str(Signature._meta.get_field("show_name").help_text)
    show_region = str(Signature._meta.get_field("show_region").help_text)
    assert "deliver to the target" in show_name and "region is not given" in show_name
    assert "region" in show_region


def test_the_csv_delivery_is_a_named_attachment():
    from tests.plugins.petitions.conftest import client_for

    petition = make_petition()
    services.sign(petition, UserFactory(), show_name=True, region="Bretagne")
    promoter = client_for(petition.owner)
    response = promoter.get(f"/api/v1/petitions/{petition.pk}/export/", {"format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"] == (
        f'attachment; filename="petition-{petition.slug}-signatures.csv"')
    assert "Bretagne" not in response.content.decode().split("signer,")[1]
    assert "Content-Disposition" not in promoter.get(f"/api/v1/petitions/{petition.pk}/export/")
