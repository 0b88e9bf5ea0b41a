"""Hiding and restoring: gone for everyone but owner and moderators; only moderators decide."""
import pytest

from core.moderation.models import ModerationAction, Report
from core.notifications.models import Notification
from core.privacy.audiences import Audience
from tests.factories import MembershipFactory, UserFactory
from tests.testapp.models import Note

pytestmark = pytest.mark.django_db


def decide(api_client, decision, note, **extra):
    return api_client.post(f"/api/v1/moderation/{decision}/",
                           {"type": "testapp.note", "id": str(note.pk), **extra})


def test_a_hidden_object_is_gone_for_others_until_restored(api_client, site_moderator):
    owner, other = UserFactory(), UserFactory()
    note = Note.objects.create(owner=owner, audience=Audience.PUBLIC, title="Miracle cure")
    Report.objects.create(reporter=other, target_type_id=_note_type(), target_id=str(note.pk),
                          reason="misinformation")
    api_client.force_authenticate(site_moderator)
    response = decide(api_client, "hide", note, reason="Dangerous advice")
    assert response.status_code == 200
    assert response.json() == {"type": "testapp.note", "id": str(note.pk), "hidden": True}
    for viewer in (other, None):
        assert list(Note.objects.visible_to(viewer)) == []  # lists
        assert not note.is_visible_to(viewer)  # details
    assert note.is_visible_to(owner) and note.is_visible_to(site_moderator)
    assert Report.objects.get().state == Report.State.ACTIONED
    assert {(n.recipient, n.kind) for n in Notification.objects.all()} == {
        (owner, "moderation.content_hidden"), (other, "moderation.report_resolved")}
    action = ModerationAction.objects.get()
    assert (action.kind, action.moderator, action.member, action.reason) == (
        "hide", site_moderator, owner, "Dangerous advice")

    response = decide(api_client, "restore", note)
    assert response.json()["hidden"] is False
    assert note.is_visible_to(other) and note.is_visible_to(None)
    assert ModerationAction.objects.filter(kind="restore").exists()


def test_restoring_closes_the_open_reports_as_dismissed(api_client, site_moderator):
    owner, other = UserFactory(), UserFactory()
    note = Note.objects.create(owner=owner, audience=Audience.PUBLIC, title="Flagged words",
                               hidden_at="2026-01-01T00:00:00Z")
    automatic = Report.objects.create(reporter=None, target_type_id=_note_type(),
                                      target_id=str(note.pk), reason="other")
    by_member = Report.objects.create(reporter=other, target_type_id=_note_type(),
                                      target_id=str(note.pk), reason="other")
    api_client.force_authenticate(site_moderator)
    assert decide(api_client, "restore", note).json()["hidden"] is False
    for report in (automatic, by_member):
        report.refresh_from_db()
        assert (report.state, report.resolved_by) == (Report.State.DISMISSED, site_moderator)
    assert ModerationAction.objects.get(kind="restore").report in (automatic, by_member)


def test_members_cannot_hide(api_client):
    note = Note.objects.create(owner=UserFactory(), title="x")
    api_client.force_authenticate(UserFactory())
    response = decide(api_client, "hide", note)
    assert response.status_code == 403
    assert response.json() == {"detail": "Only moderators may do this."}
    api_client.force_authenticate(None)
    assert decide(api_client, "hide", note).status_code == 401
    note.refresh_from_db()
    assert note.hidden_at is None


def test_community_moderators_moderate_their_community_only(api_client, community,
                                                            community_moderator):
    ours = Note.objects.create(owner=MembershipFactory(community=community).member,
                               audience=Audience.COMMUNITY, community=community, title="ours")
    elsewhere = Note.objects.create(owner=UserFactory(), audience=Audience.MEMBERS, title="x")
    api_client.force_authenticate(community_moderator)
    assert decide(api_client, "hide", ours).status_code == 200
    assert decide(api_client, "restore", ours).status_code == 200  # though hidden from them
    assert decide(api_client, "hide", elsewhere).status_code == 404
    elsewhere.refresh_from_db()
    assert elsewhere.hidden_at is None


def test_dismissing_a_report(api_client, site_moderator):
    reporter = UserFactory()
    note = Note.objects.create(owner=UserFactory(), title="fine")
    report = Report.objects.create(reporter=reporter, target_type_id=_note_type(),
                                   target_id=str(note.pk), reason="other")
    api_client.force_authenticate(site_moderator)
    response = api_client.post(f"/api/v1/moderation/reports/{report.pk}/dismiss/")
    assert response.status_code == 200 and response.json()["state"] == "dismissed"
    assert api_client.post(f"/api/v1/moderation/reports/{report.pk}/dismiss/").status_code == 409
    note.refresh_from_db()
    assert note.hidden_at is None


@pytest.mark.parametrize("page_size", [1, 50])
def test_report_queue(api_client, site_moderator, community, community_moderator, page_size,
                      django_assert_max_num_queries):
    note = Note.objects.create(owner=UserFactory(), audience=Audience.COMMUNITY,
                               community=community, title="x")
    other = Note.objects.create(owner=UserFactory(), title="y")
    for _ in range(55):
        for target in (note, other):
            Report.objects.create(reporter=UserFactory(), target_type_id=_note_type(),
                                  target_id=str(target.pk), reason="spam",
                                  community=target.community)
    api_client.force_authenticate(community_moderator)
    with django_assert_max_num_queries(5):
        response = api_client.get(f"/api/v1/moderation/reports/?page_size={page_size}")
    results = response.json()["results"]
    assert len(results) == page_size
    assert {r["community"] for r in results} == {"crohn"}
    assert "reporter" not in results[0]
    api_client.force_authenticate(site_moderator)
    with django_assert_max_num_queries(5):
        response = api_client.get(f"/api/v1/moderation/reports/?page_size={page_size}&state=open")
    assert len(response.json()["results"]) == page_size
    api_client.force_authenticate(UserFactory())
    assert api_client.get("/api/v1/moderation/reports/").status_code == 403


def _note_type():
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(Note).pk


def test_a_hidden_object_is_gone_from_search_for_others(api_client, site_moderator,
                                                        notes_plugin):
    owner, other = UserFactory(), UserFactory()
    note = Note.objects.create(owner=owner, audience=Audience.PUBLIC, title="Miracle cure",
                               body="Stop your insulin")

    def found(viewer):
        api_client.force_authenticate(viewer)
        response = api_client.get("/api/v1/search/", {"q": "miracle"})
        return [hit["id"] for hit in response.json()["results"]]

    assert found(other) == [str(note.pk)]
    api_client.force_authenticate(site_moderator)
    decide(api_client, "hide", note)
    assert found(other) == [] and found(None) == []
    assert found(owner) == [str(note.pk)]
