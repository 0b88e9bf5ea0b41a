"""Listings through the API: creation, safety (forbidden categories, warning words), the
approximate area, expiry and renewal, withdrawal, filters."""
from datetime import timedelta

import pytest
from django.utils import timezone

from core.moderation.models import Report
from core.periodic import run_now
from plugins.exchange.models import Listing, ListingStatus, WarningWord
from plugins.exchange.safety import word_key
from tests.plugins.exchange.conftest import client_for
from tests.plugins.exchange.factories import listing_payload, make_listing

pytestmark = pytest.mark.django_db
URL = "/api/v1/exchange/listings/"


def test_a_member_publishes_an_offer_with_its_safety_notice(member, other):
    response = client_for(member).post(URL, listing_payload(), format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "available" and body["under_review"] is False
    assert body["safety_notice"] == "Check the brakes and the height setting."
    assert body["owner"] == member.profile.handle
    seen = client_for(other).get(f"{URL}{body['id']}/").json()
    assert seen["region"] == "Bretagne" and seen["postal_prefix"] == "35"


def test_the_area_is_only_a_region_and_a_prefix(member, other):
    response = client_for(member).post(URL, listing_payload(postal_prefix="35000"),
                                       format="json")
    assert response.status_code == 400 and "postal_prefix" in response.json()
    make_listing(owner=member)
    row = client_for(other).get(URL).json()["results"][0]
    detail = client_for(other).get(f"{URL}{row['id']}/").json()
    for shown in (row, detail):
        assert not {"address", "street", "city", "postal_code", "email"} & set(shown)
        assert len(shown["postal_prefix"]) <= 3
    assert Listing.objects.count() == 1


@pytest.mark.parametrize("slug", ["prescription-medicines", "implants", "single-use-sterile",
                                  "forbidden"])
def test_a_forbidden_category_is_refused(member, slug):
    response = client_for(member).post(URL, listing_payload(category=slug), format="json")
    assert response.status_code == 400
    assert "never be listed" in response.json()["category"][0]
    assert not Listing.objects.exists()


def test_an_offer_needs_its_cleaning_declaration_and_a_handover_option(member):
    client = client_for(member)
    assert client.post(URL, listing_payload(cleaning_declared=False),
                       format="json").status_code == 400
    assert client.post(URL, listing_payload(pick_up=False), format="json").status_code == 400
    assert client.post(URL, listing_payload(mode="lend"), format="json").status_code == 400
    assert client.post(URL, {"title": 3}, format="json").status_code == 400
    assert client_for().post(URL, listing_payload(), format="json").status_code in (401, 403)
    assert not Listing.objects.exists()


@pytest.mark.parametrize("text,word", [
    ("Boîte de SERINGUES neuves", "seringue"), ("Some syringes left", "syringe"),
    ("médicaments divers", "médicament"), ("Insuline non ouverte", "insuline"),
    ("two Cathéters", "cathéter"), ("old prescriptions", "prescription"),
])
def test_warning_words_match_their_forms(text, word):
    from plugins.exchange.safety import warning_words_in

    assert word in warning_words_in(text)


@pytest.mark.parametrize("warning,text", [
    ("entamé", "Boîte entamée de pansements"), ("entamé", "deux paquets ENTAMÉS"),
    ("entamé", "compresses entamees"), ("ouvert", "Poches ouvertes"),
    ("usage unique", "Sondes à usage uniques"), ("single use", "Single-use gloves"),
    ("opioïde", "old opioids"), ("opioid", "des Opioïdes"), ("insuline", "insulin pens"),
    ("adhésif", "bandes adhésives"),
])
def test_warning_words_match_feminine_forms_phrases_and_both_languages(warning, text):
    from plugins.exchange.models import WarningWord
    from plugins.exchange.safety import warning_words_in

    WarningWord.objects.get_or_create(word=warning, defaults={"language": "fr"})
    assert warning in warning_words_in(text)


def test_a_phrase_needs_its_words_in_a_row():
    from plugins.exchange.models import WarningWord
    from plugins.exchange.safety import warning_words_in

    WarningWord.objects.create(word="usage unique", language="fr")
    assert "usage unique" not in warning_words_in("Usage quotidien, modèle unique")


def test_word_keys_ignore_case_accents_and_plurals():
    assert word_key("Médicaments") == word_key("medicament") == "medicament"
    assert word_key("stériles") == word_key("STERILE")
    assert word_key("rideaux") == "rideau"
    assert warning_words_in_clean("Wheelchair with new tyres") == []


def warning_words_in_clean(text):
    from plugins.exchange.safety import warning_words_in

    return warning_words_in(text)


def test_a_warning_word_sends_the_listing_to_moderation_and_approval_shows_it(
        member, other, moderator):
    response = client_for(member).post(
        URL, listing_payload(description="Also a box of unopened Seringues."), format="json")
    assert response.status_code == 201
    listing_id = response.json()["id"]
    assert response.json()["under_review"] is True
    assert client_for(other).get(f"{URL}{listing_id}/").status_code == 404
    assert client_for(other).get(URL).json()["results"] == []
    assert client_for().get(f"{URL}{listing_id}/").status_code == 404
    report = Report.objects.get(target_id=listing_id)
    assert report.reporter is None and "seringue" in report.comment
    # The core's moderation: restoring the hidden listing approves it, at once.
    decided = client_for(moderator).post("/api/v1/moderation/restore/",
                                         {"type": "exchange.listing", "id": listing_id},
                                         format="json")
    assert decided.status_code == 200, decided.json()
    assert client_for(other).get(f"{URL}{listing_id}/").status_code == 200
    assert [row["id"] for row in client_for(other).get(URL).json()["results"]] == [listing_id]
    # The automatic report leaves the moderators' queue with the approval.
    report.refresh_from_db()
    assert report.state == Report.State.DISMISSED and report.resolved_by == moderator
    assert not Report.objects.filter(target_id=listing_id, state=Report.State.OPEN).exists()


def test_an_edit_adding_a_warning_word_hides_the_listing_again(member, other):
    listing = make_listing(owner=member)
    response = client_for(member).patch(f"{URL}{listing.pk}/",
                                        {"title": "Wheelchair and morphine"}, format="json")
    assert response.status_code == 200 and response.json()["under_review"] is True
    assert client_for(other).get(f"{URL}{listing.pk}/").status_code == 404


def test_a_deactivated_warning_word_no_longer_flags(member):
    WarningWord.objects.filter(word="syringe").update(active=False)
    response = client_for(member).post(URL, listing_payload(title="Syringe pump case"),
                                       format="json")
    assert response.json()["under_review"] is False


def test_expired_listings_leave_lists_and_renewal_brings_them_back(
        member, other, django_capture_on_commit_callbacks):
    listing = make_listing(owner=member)
    Listing.objects.filter(pk=listing.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        run_now("exchange.expire_listings")
    listing.refresh_from_db()
    assert listing.status == ListingStatus.EXPIRED
    assert client_for(other).get(URL).json()["results"] == []
    assert client_for(other).get(f"{URL}{listing.pk}/").status_code == 404
    assert client_for(other).post(f"{URL}{listing.pk}/renew/").status_code == 404
    renewed = client_for(member).post(f"{URL}{listing.pk}/renew/")
    assert renewed.status_code == 200 and renewed.json()["status"] == "available"
    assert [row["id"] for row in client_for(other).get(URL).json()["results"]] == [
        str(listing.pk)]


def test_a_withdrawn_listing_refuses_requests_with_409(member, other):
    listing = make_listing(owner=member)
    assert client_for(other).post(f"{URL}{listing.pk}/withdraw/").status_code == 403
    assert client_for(member).post(f"{URL}{listing.pk}/withdraw/").json()["status"] == \
        "withdrawn"
    assert client_for(member).post(f"{URL}{listing.pk}/withdraw/").status_code == 409
    answer = client_for(other).post(f"{URL}{listing.pk}/requests/", {"message": "Hello"},
                                    format="json")
    assert answer.status_code == 409 and "withdrawn" in answer.json()["detail"]
    assert client_for(other).get(URL).json()["results"] == []
    assert not listing.requests.exists()


def test_someone_elses_listing_cannot_be_changed(member, other):
    listing = make_listing(owner=member)
    response = client_for(other).patch(f"{URL}{listing.pk}/", {"title": "Mine"}, format="json")
    assert response.status_code == 403
    listing.refresh_from_db()
    assert listing.title != "Mine"


def test_filters(member, other):
    make_listing(owner=member, title="Bed", postal_prefix="69", region="Auvergne-Rhône-Alpes",
                 delivery=True)
    make_listing(owner=member, title="Chair")
    client = client_for(other)

    def titles(**params):
        return [row["title"] for row in client.get(URL, params).json()["results"]]

    assert titles(postal_prefix="6") == ["Bed"]
    assert titles(region="occitanie") == ["Chair"]
    assert titles(handover="delivery") == ["Bed"]
    assert titles(search="bed") == ["Bed"]
    assert sorted(titles(category="mobility")) == ["Bed", "Chair"]
    assert titles(kind="request") == []
    assert client.get(URL, {"kind": "gift"}).status_code == 400
    assert client.get(URL, {"cursor": "garbage"}).status_code == 400


def test_categories_list_the_tree_with_forbidden_ones_marked():
    rows = client_for().get("/api/v1/exchange/categories/").json()
    by_slug = {row["slug"]: row for row in rows}
    assert by_slug["implants"]["forbidden"] is True
    assert by_slug["wheelchairs"]["parent"] == "mobility"


def test_a_community_listing_needs_a_community_the_owner_belongs_to(member):
    from tests.factories import CommunityFactory, MembershipFactory

    client = client_for(member)
    assert client.post(URL, listing_payload(audience="community"), format="json").status_code == 400
    elsewhere = CommunityFactory()
    assert client.post(URL, listing_payload(audience="community", community=elsewhere.slug),
                       format="json").status_code == 400
    MembershipFactory(community=elsewhere, member=member)
    assert client.post(URL, listing_payload(audience="community", community=elsewhere.slug),
                       format="json").status_code == 201
