"""Idempotency-Key: a retried write answered once, another request with the key refused."""
import time
from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from core.api.idempotency import purge_expired
from core.api.models import IdempotencyRecord
from core.api.tasks import purge_idempotency_records
from core.privacy.privacy import IdempotencyHandler
from tests.concurrency import POSTGRESQL_ONLY, run_in_parallel
from tests.factories import UserFactory
from tests.testapp import api as testapp_api
from tests.testapp.models import Note

URL = "/api/v1/testapp/new-note/"
pytestmark = pytest.mark.urls("tests.testapp.urls")


def client_for(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def post(client, body, key="key-1", url=URL):
    headers = {"HTTP_IDEMPOTENCY_KEY": key} if key else {}
    return client.post(url, body, format="json", **headers)


@pytest.mark.django_db
def test_a_retry_gets_the_first_answer_and_writes_nothing_more():
    member = UserFactory()
    first = post(client_for(member), {"title": "Appointment"})
    again = post(client_for(member), {"title": "Appointment"})
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true" and not first.has_header("Idempotent-Replayed")
    assert Note.objects.count() == 1


@pytest.mark.django_db
def test_the_same_key_with_another_body_or_path_is_a_conflict():
    member = UserFactory()
    post(client_for(member), {"title": "Appointment"})
    other_body = post(client_for(member), {"title": "Something else"})
    assert other_body.status_code == 409
    assert other_body.json() == {"detail": "This Idempotency-Key was already used for another "
                                           "request."}
    other_path = post(client_for(member), {"title": "Appointment"},
                      url="/api/v1/testapp/new-keyed-note/")
    assert other_path.status_code == 409
    assert Note.objects.count() == 1


@pytest.mark.django_db
def test_keys_are_scoped_to_the_member_and_ignored_for_visitors():
    post(client_for(UserFactory()), {"title": "Mine"})
    assert post(client_for(UserFactory()), {"title": "Mine"}).status_code == 201
    post(client_for(), {"title": "Visitor"})
    assert post(client_for(), {"title": "Visitor"}).status_code == 201
    assert Note.objects.count() == 4
    assert IdempotencyRecord.objects.count() == 2


@pytest.mark.django_db
def test_a_refused_request_releases_its_key():
    member = UserFactory()
    refused = post(client_for(member), {"title": ""})
    assert refused.status_code == 400
    assert not IdempotencyRecord.objects.exists()
    assert post(client_for(member), {"title": "Fixed"}).status_code == 201


@pytest.mark.django_db
def test_a_missing_or_malformed_key():
    member = UserFactory()
    missing = post(client_for(member), {"title": "x"}, key=None,
                   url="/api/v1/testapp/new-keyed-note/")
    assert missing.status_code == 400
    assert missing.json() == {"detail": "This request needs an Idempotency-Key header."}
    assert post(client_for(member), {"title": "x"}, key="k" * 256).status_code == 400
    assert post(client_for(member), {"title": "x"}, key=None).status_code == 201
    assert not IdempotencyRecord.objects.exists()
    assert Note.objects.count() == 1


@pytest.mark.django_db
def test_expired_keys_are_forgotten_and_purged(settings):
    settings.STENT_IDEMPOTENCY_HOURS = 2
    member = UserFactory()
    post(client_for(member), {"title": "Old"})
    IdempotencyRecord.objects.update(created_at=timezone.now() - timedelta(hours=3))
    assert post(client_for(member), {"title": "New"}).status_code == 201
    assert Note.objects.count() == 2
    IdempotencyRecord.objects.update(created_at=timezone.now() - timedelta(hours=3))
    post(client_for(member), {"title": "Kept"}, key="key-2")
    assert purge_expired() == 1
    assert list(IdempotencyRecord.objects.values_list("key", flat=True)) == ["key-2"]
    IdempotencyRecord.objects.update(created_at=timezone.now() - timedelta(hours=3))
    assert purge_idempotency_records.enqueue().return_value == 1


@pytest.mark.django_db
def test_export_lists_the_keys_and_erasure_deletes_them():
    member, other = UserFactory(), UserFactory()
    post(client_for(member), {"title": "Secret title"})
    post(client_for(other), {"title": "Theirs"})
    export = IdempotencyHandler().export(member)
    assert [(row["scope"], row["key"]) for row in export["keys"]] == [("testapp.note", "key-1")]
    assert "Secret title" not in str(export)
    IdempotencyHandler().erase(member)
    assert list(IdempotencyRecord.objects.values_list("member", flat=True)) == [other.pk]


@pytest.mark.django_db
def test_the_header_is_in_the_schema():
    schema = client_for().get("/api/v1/schema/", {"format": "json"}).json()
    parameters = schema["paths"]["/api/v1/testapp/new-note/"]["post"]["parameters"]
    assert {"in": "header", "name": "Idempotency-Key"}.items() <= parameters[0].items()


@pytest.mark.postgres
@POSTGRESQL_ONLY[0]
@POSTGRESQL_ONLY[1]
def test_concurrent_first_requests_run_once(monkeypatch):
    member = UserFactory()
    real_create = testapp_api.create_note

    def slow_create(owner, data):
        time.sleep(0.5)  # the twins arrive while the first one runs
        return real_create(owner, data)

    monkeypatch.setattr(testapp_api, "create_note", slow_create)
    outcomes = run_in_parallel(lambda: post(client_for(member), {"title": "Once"}), 4)
    statuses = sorted(response.status_code for response in outcomes)
    assert statuses == [201, 409, 409, 409]
    assert {response.json()["detail"] for response in outcomes if response.status_code == 409} == {
        "A request with this Idempotency-Key is still in progress; retry later."}
    assert Note.objects.count() == 1
    assert post(client_for(member), {"title": "Once"}).status_code == 201
    assert Note.objects.count() == 1
