"""Item 19 of issue 17: one pending e-mailed signature per address and petition, mailed again at
most once per PETITIONS_CONFIRMATION_RESEND_MINUTES."""
from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone

from plugins.petitions.models import Signature
from tests.factories import UserFactory
from tests.plugins.petitions.factories import make_petition

pytestmark = pytest.mark.django_db

URL = "/api/v1/petitions/"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def sign(client, petition, address, capture):
    with capture(execute=True):
        response = client.post(f"{URL}{petition.pk}/signatures/", {"email": address})
    assert response.status_code == 202
    return response


def token_of(message):
    return message.body.split("token=")[1].split()[0]


def test_a_pending_signature_is_mailed_again_at_most_once_an_hour(
        api_client, django_capture_on_commit_callbacks):
    petition = make_petition()
    for _attempt in range(3):
        sign(api_client, petition, "twice@example.org", django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    assert Signature.objects.filter(petition=petition).count() == 1
    first_token = token_of(mail.outbox[0])

    # An hour later the visitor has lost the message: a fresh link, still one pending signature.
    Signature.objects.update(confirmation_sent_at=timezone.now() - timedelta(minutes=61))
    sign(api_client, petition, "Twice@Example.org", django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2
    assert Signature.objects.filter(petition=petition).count() == 1
    sign(api_client, petition, "twice@example.org", django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2

    # Only the newest link counts the signature.
    assert api_client.post(f"{URL}signatures/confirm/",
                           {"token": first_token}).status_code == 400
    assert api_client.post(f"{URL}signatures/confirm/",
                           {"token": token_of(mail.outbox[1])}).status_code == 200
    petition.refresh_from_db()
    assert petition.signature_count == 1
    # Confirmed: nothing more is ever mailed for this address and petition.
    Signature.objects.update(confirmation_sent_at=timezone.now() - timedelta(days=1))
    sign(api_client, petition, "twice@example.org", django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2


def test_the_resend_interval_is_a_setting(api_client, settings,
                                          django_capture_on_commit_callbacks):
    settings.PETITIONS_CONFIRMATION_RESEND_MINUTES = 5
    petition = make_petition()
    sign(api_client, petition, "soon@example.org", django_capture_on_commit_callbacks)
    Signature.objects.update(confirmation_sent_at=timezone.now() - timedelta(minutes=6))
    sign(api_client, petition, "soon@example.org", django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2


def test_an_account_address_is_told_to_sign_in_at_most_once_an_hour(
        api_client, django_capture_on_commit_callbacks):
    UserFactory(email="member@example.org")
    petition, other = make_petition(), make_petition()
    for _attempt in range(3):
        sign(api_client, petition, "member@example.org", django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [["member@example.org"]]
    sign(api_client, other, "member@example.org", django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2
    assert not Signature.objects.exists()
