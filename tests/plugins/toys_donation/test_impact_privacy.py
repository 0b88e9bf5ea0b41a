"""Impact figures through the core statistics, the PrivacyHandler, thanks with photos."""
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from PIL import Image

from plugins.toys_donation.impact import impact
from plugins.toys_donation.models import Pledge, ThanksUpdate, WishlistItem
from plugins.toys_donation.privacy import ToysDonationPrivacyHandler
from plugins.toys_donation.services import pledges
from tests.factories import UserFactory
from tests.plugins.toys_donation.conftest import BASE, client_for
from tests.plugins.toys_donation.factories import make_item, make_ward

pytestmark = pytest.mark.django_db


def pledged_by(count, item):
    for _ in range(count):
        pledges.pledge(UserFactory(), item, quantity=1, method="shipping")


@override_settings(STENT_MIN_GROUP_SIZE=3)
def test_figures_of_few_donors_are_suppressed_and_needs_are_published():
    big, small = make_ward(impact_public=True), make_ward(impact_public=True)
    pledged_by(5, make_item(big, quantity_needed=20))
    pledged_by(1, make_item(small, quantity_needed=4))
    figures = impact()
    assert figures["wards"][big.pk]["pledged"] is None  # secondary suppression protects small
    assert figures["wards"][small.pk]["pledged"] is None
    assert figures["wards"][small.pk]["needed"] == 4
    assert figures["overall"]["pledged"] == 6 and figures["overall"]["needed"] == 24
    body = client_for(None).get(f"{BASE}/wards/{small.pk}/impact/").json()
    assert body["pledged"] == {"value": None, "suppressed": True}
    assert body["needed"] == {"value": 4, "suppressed": False}


def test_a_ward_that_does_not_agree_publishes_nothing():
    ward = make_ward(impact_public=False)
    make_item(ward)
    assert client_for(None).get(f"{BASE}/wards/{ward.pk}/impact/").status_code == 404
    assert client_for(None).get(f"{BASE}/impact/").json()["wards"] == 0


def test_export_has_what_the_donor_put_in_and_erasure_keeps_the_counts(donor, item):
    pledges.pledge(donor, item, quantity=2, method="shipping", message="Pour Léa")
    exported = ToysDonationPrivacyHandler().export(donor)
    assert exported["pledges"][0]["message"] == "Pour Léa"
    ToysDonationPrivacyHandler().erase(donor)
    assert not Pledge.objects.filter(message="Pour Léa").exists()
    assert Pledge.objects.get().owner is None
    assert WishlistItem.objects.get(pk=item.pk).quantity_pledged == 2
    assert ToysDonationPrivacyHandler().export(donor)["pledges"] == []


def png(**kwargs):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(buffer, format="PNG")
    return SimpleUploadedFile("photo.png", buffer.getvalue(), content_type="image/png")


def test_a_manager_publishes_thanks_with_a_cleaned_photo(manager, ward, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    response = client_for(manager).post(f"{BASE}/thanks/", {
        "ward": str(ward.pk), "text": "Merci à tous !", "consent_confirmed": "true",
        "photos": [png()]}, format="multipart")
    assert response.status_code == 201, response.content
    assert len(response.json()["photos"]) == 1
    listed = client_for(None).get(f"{BASE}/thanks/").json()["results"]
    assert listed[0]["photos"] == response.json()["photos"]


@pytest.mark.parametrize("extra, field", [({"consent_confirmed": "false"}, "consent_confirmed"),
                                          ({"faces_shown": "true"}, "faces_shown")])
def test_thanks_without_consent_or_with_faces_are_refused(manager, ward, tmp_path, settings,
                                                          extra, field):
    settings.MEDIA_ROOT = tmp_path
    body = {"ward": str(ward.pk), "text": "Merci", "consent_confirmed": "true",
            "photos": [png()], **extra}
    response = client_for(manager).post(f"{BASE}/thanks/", body, format="multipart")
    assert response.status_code == 400 and field in response.json()
    assert ThanksUpdate.objects.count() == 0


def test_only_the_wards_managers_publish_thanks(donor, ward):
    response = client_for(donor).post(f"{BASE}/thanks/", {"ward": str(ward.pk), "text": "x"},
                                      format="json")
    assert response.status_code == 403 and ThanksUpdate.objects.count() == 0


def test_receiving_thanks_the_donor_in_a_notification(donor, manager, item,
                                                      django_capture_on_commit_callbacks):
    from core.notifications.models import Notification

    with django_capture_on_commit_callbacks(execute=True):
        pledge = pledges.pledge(donor, item, quantity=1, method="shipping")
    with django_capture_on_commit_callbacks(execute=True):
        pledges.receive(manager, pledge, thanks="Merci !")
    received = Notification.objects.filter(recipient=donor).get()
    assert item.title in received.title
    told = Notification.objects.filter(recipient=manager).get()
    assert donor.profile.handle not in told.title  # no handle without consent


def test_an_expired_pledge_tells_its_donor(donor, item, django_capture_on_commit_callbacks):
    from datetime import timedelta

    from django.utils import timezone

    from core.notifications.models import Notification

    pledges.pledge(donor, item, quantity=1, method="shipping")
    Pledge.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert pledges.expire_due() == 1
    told = Notification.objects.get(recipient=donor)
    assert told.kind == "toys_donation.pledge_expired" and item.title in told.title


def test_the_periodic_job_is_declared():
    from core.periodic import periodic_tasks

    assert "toys_donation.expire_pledges" in periodic_tasks()
