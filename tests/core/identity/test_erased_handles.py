"""Issue 17 item 4: an erased member's handle is kept as a keyed hash and refused to anyone else
(at sign-up and on a handle change) for STENT_ERASED_HANDLE_DAYS, forever by default."""
from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from core.identity.handles import erased_handle_digest, generate_handle
from core.identity.models import ErasedHandle
from core.privacy.services import erase_member
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

APP = "/api/v1/auth/app/v1"
PASSWORD = "a long and Unusual passphrase"
REFUSED_EN = "This handle belonged to an erased account: it cannot be chosen again."
REFUSED_FR = "Ce pseudonyme appartenait à un compte effacé : il ne peut plus être choisi."


@pytest.fixture
def erased_handle():
    member = UserFactory()
    member.profile.handle = "Zorblax-Mum"
    member.profile.save()
    erase_member(member)
    return "zorblax-mum"


def sign_up(client, handle, **headers):
    return client.post(f"{APP}/auth/signup", {"email": "new@stent.example", "password": PASSWORD,
                                              "handle": handle},
                       content_type="application/json", **headers)


def test_erasure_keeps_only_a_keyed_hash_of_the_handle(erased_handle, settings):
    stored = list(ErasedHandle.objects.values_list("digest", flat=True))
    assert stored == [erased_handle_digest("ZORBLAX-MUM")]
    assert "zorblax" not in stored[0].lower()
    settings.STENT_ERASED_HANDLE_KEY = "another key"
    assert erased_handle_digest(erased_handle) != stored[0]


def test_sign_up_refuses_an_erased_handle_in_english_and_french(client, erased_handle):
    refused = sign_up(client, "ZORBLAX-mum")
    assert refused.status_code == 400
    assert [(e["param"], e["message"]) for e in refused.json()["errors"]] == [
        ("handle", REFUSED_EN)]
    in_french = sign_up(client, erased_handle, HTTP_ACCEPT_LANGUAGE="fr")
    assert [e["message"] for e in in_french.json()["errors"]] == [REFUSED_FR]
    assert sign_up(client, "zorblax-dad").status_code == 401  # signed up, to verify


def test_a_member_cannot_take_an_erased_handle(erased_handle):
    client = APIClient()
    client.force_authenticate(UserFactory())
    response = client.patch("/api/v1/me/", {"handle": erased_handle}, format="json")
    assert response.status_code == 400
    assert response.json() == {"handle": [REFUSED_EN]}
    response = client.patch("/api/v1/me/", {"handle": erased_handle}, format="json",
                            HTTP_ACCEPT_LANGUAGE="fr")
    assert response.json() == {"handle": [REFUSED_FR]}


def test_the_reservation_lasts_the_configured_time(client, erased_handle, settings):
    settings.STENT_ERASED_HANDLE_DAYS = 30
    assert sign_up(client, erased_handle).status_code == 400
    ErasedHandle.objects.update(erased_at=timezone.now() - timedelta(days=31))
    assert sign_up(client, erased_handle).status_code == 401


def test_generated_handles_avoid_reserved_ones(monkeypatch):
    from core.identity import handles

    choices = iter(["brave", "otter", "calm", "heron"])
    monkeypatch.setattr(handles.secrets, "choice", lambda _options: next(choices))
    monkeypatch.setattr(handles.secrets, "randbelow", lambda _n: 42)
    handles.reserve_erased_handle("brave-otter-0042")
    assert generate_handle() == "calm-heron-0042"
