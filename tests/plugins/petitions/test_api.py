"""The petitions API end to end: create, promote, submit, review, sign, follow, close, answer."""
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from plugins.petitions.models import Petition, Signature, Status
from tests.factories import CommunityFactory, UserFactory
from tests.plugins.petitions.conftest import client_for
from tests.plugins.petitions.factories import closed, draft, make_petition

pytestmark = pytest.mark.django_db

URL = "/api/v1/petitions/"


def new_petition(client, **overrides):
    body = {"title": "Reimburse glucose sensors", "text": "Sensors change lives.",
            "target": "Assurance Maladie", "signature_goal": 3, "tags": ["diabetes"],
            **overrides}
    return client.post(URL, body, format="json")


def test_the_root_of_the_plugin_is_the_petitions_list(api_client):
    petition = make_petition()
    response = api_client.get(URL)
    assert response.status_code == 200
    assert set(response.json()) == {"next", "previous", "results"}
    assert [row["id"] for row in response.json()["results"]] == [str(petition.pk)]


def test_create_returns_a_public_draft_led_by_its_author(member, as_member):
    response = new_petition(as_member)
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "draft"
    assert body["audience"] == "public"
    assert body["author"] == member.profile.handle
    assert body["tags"] == ["diabetes"]
    assert body["signature_count"] == 0 and body["percentage"] == 0
    assert body["viewer_is_promoter"] is True
    assert body["slug"].startswith("reimburse-glucose-sensors-")
    petition = Petition.objects.get(pk=body["id"])
    assert list(petition.promoters.values_list("member", "status")) == [(member.pk, "accepted")]


def test_whole_life_of_a_petition(member, moderator, settings):
    settings.PETITIONS_MIN_PROMOTERS = 2
    settings.STENT_MIN_GROUP_SIZE = 3  # so that the daily chart shows the three signatures
    author = client_for(member)
    petition_id = new_petition(author).json()["id"]
    detail = f"{URL}{petition_id}/"

    # Submitting needs two promoters: invite one by handle, who accepts.
    refused = author.post(f"{detail}submit/")
    assert refused.status_code == 400
    assert "promoters" in refused.json()
    friend = UserFactory()
    invited = author.post(f"{detail}promoters/", {"handle": friend.profile.handle})
    assert invited.status_code == 201
    assert invited.json()["status"] == "invited"
    accepted = client_for(friend).post(f"{detail}promoters/accept/")
    assert accepted.json()["status"] == "accepted"
    assert author.post(f"{detail}submit/").json()["status"] == "submitted"

    # Nobody else sees it until a moderator publishes it.
    assert client_for().get(detail).status_code == 404
    assert client_for(member).post(f"{detail}publish/").status_code == 403
    published = client_for(moderator).post(f"{detail}publish/")
    assert published.status_code == 200
    assert published.json()["status"] == "published" and published.json()["is_open"]
    assert client_for().get(detail).status_code == 200

    # Three members sign; the goal is reached.
    for _ in range(3):
        assert client_for(UserFactory()).post(f"{detail}signatures/", {}).status_code == 201
    stats = client_for().get(f"{detail}stats/").json()
    assert stats["count"] == 3 and stats["percentage"] == 100
    assert stats["milestones_reached"] == [25, 50, 75, 100]
    assert stats["daily"] == [{"date": timezone.localdate().isoformat(), "count": 3,
                               "suppressed": False}]

    # Promoters close it, deliver it and publish the answer.
    assert author.post(f"{detail}close/").json()["status"] == "closed"
    delivered = author.post(f"{detail}deliver/", {"delivery_method": "registered letter",
                                                  "delivered_to": "The director"})
    assert delivered.json()["status"] == "delivered"
    answered = client_for(friend).post(f"{detail}answer/", {"answer": "We will reimburse."})
    assert answered.json()["status"] == "answered"
    assert client_for().get(detail).json()["answer"] == "We will reimburse."


def test_without_review_submitting_publishes_with_the_default_length(member, as_member,
                                                                     settings):
    settings.PETITIONS_REQUIRE_REVIEW = False
    settings.PETITIONS_DEFAULT_DAYS = 10
    petition_id = new_petition(as_member).json()["id"]
    body = as_member.post(f"{URL}{petition_id}/submit/").json()
    assert body["status"] == "published"
    petition = Petition.objects.get(pk=petition_id)
    assert petition.closes_at - petition.opens_at == timedelta(days=10)


def test_reject_gives_the_promoters_a_reason_and_they_can_edit_and_resubmit(member, moderator):
    petition = draft(owner=member)
    petition.status = Status.SUBMITTED
    petition.save()
    detail = f"{URL}{petition.pk}/"
    rejected = client_for(moderator).post(f"{detail}reject/", {"reason": "Name a target."})
    assert rejected.json()["status"] == "rejected"
    assert rejected.json()["rejection_reason"] == "Name a target."
    author = client_for(member)
    assert author.patch(detail, {"target": "Ministry of Health"}).status_code == 200
    assert author.post(f"{detail}submit/").json()["status"] == "submitted"


def test_detail_by_slug(api_client):
    petition = make_petition(slug="accessible-buses")
    assert api_client.get(f"{URL}accessible-buses/").json()["id"] == str(petition.pk)


def test_a_petition_past_its_deadline_reads_as_closed_everywhere(api_client):
    petition = closed()
    assert api_client.get(f"{URL}{petition.pk}/").json()["status"] == "closed"
    listed = api_client.get(URL, {"status": "closed"}).json()["results"]
    assert [row["id"] for row in listed] == [str(petition.pk)]
    assert api_client.get(URL, {"status": "published"}).json()["results"] == []


def test_list_filters_and_orders(api_client):
    community = CommunityFactory(slug="diabetes")
    sensors = make_petition(title="Glucose sensors", community=community, target="Insurer")
    sensors.tags.add("remboursement")
    buses = make_petition(title="Buses", target="Ministry of Transport", signature_count=50,
                          closes_at=timezone.now() + timedelta(days=2))
    older = make_petition(title="Older", target="City", signature_count=5)

    def ids(**params):
        return [row["title"] for row in api_client.get(URL, params).json()["results"]]

    assert ids(community="diabetes") == ["Glucose sensors"]
    assert ids(tag="remboursement") == ["Glucose sensors"]
    assert ids(target="transport") == ["Buses"]
    assert ids(search="glucose") == ["Glucose sensors"]
    assert ids(ordering="most_signed") == ["Buses", "Older", "Glucose sensors"]
    assert ids(ordering="closing_soon")[0] == "Buses"
    assert ids() == ["Older", "Buses", "Glucose sensors"]
    assert older and buses


def test_unknown_filter_values_are_a_400(api_client):
    assert api_client.get(URL, {"status": "nope"}).status_code == 400
    assert api_client.get(URL, {"ordering": "nope"}).json() == {
        "ordering": ["Choose one of: newest, most_signed, closing_soon."]}


def test_updates_reach_followers(member):
    petition = make_petition(owner=member)
    follower = UserFactory()
    client_for(follower).post(f"{URL}{petition.pk}/signatures/", {"follows": True})
    posted = client_for(member).post(f"{URL}{petition.pk}/updates/",
                                     {"title": "Meeting on Monday", "body": "We meet the insurer."})
    assert posted.status_code == 201
    listed = client_for().get(f"{URL}{petition.pk}/updates/").json()["results"]
    assert [(u["title"], u["author"]) for u in listed] == [("Meeting on Monday",
                                                           member.profile.handle)]


def test_e_mailed_signature_counts_once_confirmed(api_client, django_capture_on_commit_callbacks):
    petition = make_petition()
    with django_capture_on_commit_callbacks(execute=True):
        response = api_client.post(f"{URL}{petition.pk}/signatures/",
                                   {"email": "Someone@Example.org", "comment": "Yes!"})
    assert response.status_code == 202
    petition.refresh_from_db()
    assert petition.signature_count == 0
    assert len(mail.outbox) == 1
    token = mail.outbox[0].body.split("token=")[1].split()[0]
    assert "someone@example.org" not in str(Signature.objects.values())
    confirmed = api_client.post(f"{URL}signatures/confirm/", {"token": token})
    assert confirmed.status_code == 200
    petition.refresh_from_db()
    assert petition.signature_count == 1
    # Confirming twice is harmless; the same address cannot sign twice.
    assert api_client.post(f"{URL}signatures/confirm/", {"token": token}).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        again = api_client.post(f"{URL}{petition.pk}/signatures/",
                                {"email": "someone@example.org"})
    assert again.status_code == 202
    petition.refresh_from_db()
    assert petition.signature_count == 1
    assert Signature.objects.count() == 1 and len(mail.outbox) == 1


def test_unconfirmed_signature_expires_and_never_counts(api_client,
                                                       django_capture_on_commit_callbacks):
    from plugins.petitions.services import purge_unconfirmed_signatures

    petition = make_petition()
    with django_capture_on_commit_callbacks(execute=True):
        api_client.post(f"{URL}{petition.pk}/signatures/", {"email": "late@example.org"})
    token = mail.outbox[0].body.split("token=")[1].split()[0]
    pending = Signature.objects.get()
    assert timedelta(hours=47) < pending.expires_at - timezone.now() <= timedelta(hours=48)
    Signature.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    response = api_client.post(f"{URL}signatures/confirm/", {"token": token})
    assert response.status_code == 400
    assert response.json() == {"token": ["This link is invalid or has expired."]}
    assert purge_unconfirmed_signatures() == 1
    petition.refresh_from_db()
    assert petition.signature_count == 0 and not Signature.objects.exists()


def test_e_mailed_signatures_are_throttled_per_ip_address(api_client, settings):
    settings.PETITIONS_EMAIL_SIGNATURES_RATE = "2/hour"
    petition = make_petition()
    statuses = [api_client.post(f"{URL}{petition.pk}/signatures/",
                                {"email": f"person{n}@example.org"}).status_code
                for n in range(3)]
    assert statuses == [202, 202, 429]


def test_export_as_csv_for_promoters(member):
    petition = make_petition(owner=member)
    signer = UserFactory()
    client_for(signer).post(f"{URL}{petition.pk}/signatures/", {
        "show_name": True, "show_region": True, "region": "=Bretagne"})
    response = client_for(member).get(f"{URL}{petition.pk}/export/", {"format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.decode().splitlines() == [
        "row,handle,region,count", "total,,,1", "region,,other,1",
        f"signer,{signer.profile.handle},'=Bretagne,"]
    denied = client_for(signer).get(f"{URL}{petition.pk}/export/", {"format": "csv"})
    assert denied.status_code == 403
    assert denied["Content-Type"] == "application/json"


def test_errors_speak_french_to_french_speakers():
    petition = closed()
    response = client_for(UserFactory()).post(f"{URL}{petition.pk}/signatures/", {},
                                              HTTP_ACCEPT_LANGUAGE="fr")
    assert response.json() == {"detail": "Cette pétition n'est pas ouverte aux signatures."}


def test_a_retried_signature_with_its_idempotency_key_answers_the_first_response_again():
    petition = make_petition()
    signer = client_for(UserFactory())
    url = f"{URL}{petition.pk}/signatures/"
    first = signer.post(url, {"comment": "Yes"}, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    again = signer.post(url, {"comment": "Yes"}, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json() and again["Idempotent-Replayed"] == "true"
    other = signer.post(url, {"comment": "No"}, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert other.status_code == 409
    petition.refresh_from_db()
    assert petition.signature_count == 1
