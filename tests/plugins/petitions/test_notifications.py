"""Who is told what, through the real core notifications: promoters and followers, once per
milestone, never about a petition they may not see, e-mailed only when they chose it."""
import pytest
from django.core import mail
from django.utils import timezone

from core.notifications.kinds import all_kinds
from core.notifications.models import Notification, NotificationPreference
from plugins.petitions import services
from tests.factories import UserFactory
from tests.plugins.petitions.factories import draft, make_petition

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """``with committed():`` runs the after-commit sending (the plugin's, then notify()'s
    e-mail) at the end of the block, as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def inbox(kind=None):
    """{(kind, recipient id)} of every in-app notification, in creation order."""
    rows = Notification.objects.order_by("created_at", "pk")
    if kind:
        rows = rows.filter(kind=kind)
    return [(row.kind, row.recipient_id, row.title) for row in rows]


def test_hook_stent_notification_kinds_declares_the_petitions_kinds():
    kinds = all_kinds()
    assert {"petitions.promoter_invited", "petitions.reviewed", "petitions.milestone",
            "petitions.update", "petitions.outcome"} <= set(kinds)
    assert str(kinds["petitions.update"].label) == "News of a petition you follow"


def test_milestones_reach_promoters_and_followers_once_each(committed):
    with committed():
        petition = make_petition(signature_goal=4)
        follower, quiet = UserFactory(), UserFactory()
        services.sign(petition, follower, follows=True)
        services.sign(petition, quiet)
        services.withdraw_signature(petition, quiet)
        services.sign(petition, quiet)  # back to 50 %: no second notice
        for _ in range(2):
            services.sign(petition, UserFactory())
        services.sign_by_email(petition, "visitor@example.org")  # not counted, nobody told
    told = sorted((int(title.rsplit(" ", 4)[-4].rstrip("%")), str(who))
                  for _, who, title in inbox("petitions.milestone"))
    assert told == sorted((percent, str(who)) for percent in (25, 50, 75, 100)
                          for who in (petition.owner_id, follower.pk))
    assert Notification.objects.filter(target_id=str(petition.pk)).count() == 8


def test_updates_and_outcomes_reach_followers_only(committed):
    with committed():
        petition = make_petition()
        follower = UserFactory()
        services.sign(petition, follower, follows=True)
        services.sign(petition, UserFactory())
        services.post_update(petition, petition.owner, title="Meeting", body="Monday")
        services.close(petition)
        services.record_answer(petition, answer="Yes")
    assert [(kind, who) for kind, who, _ in inbox() if kind != "petitions.milestone"] == [
        ("petitions.update", follower.pk), ("petitions.outcome", follower.pk)]
    update = Notification.objects.get(kind="petitions.update")
    assert (update.title, update.body, update.url) == (
        "Meeting", "Monday", f"/api/v1/petitions/{petition.pk}/")


def test_review_and_invitation_reach_the_promoters_and_the_invited(committed, moderator):
    with committed():
        petition = draft(status="submitted")
        services.reject(petition, reason="Name a target.", moderator=moderator)
        invited = UserFactory()
        services.invite(petition, inviter=petition.owner, member=invited)
    assert [(kind, who) for kind, who, _ in inbox()] == [
        ("petitions.reviewed", petition.owner_id),
        ("petitions.promoter_invited", invited.pk)]
    assert Notification.objects.get(kind="petitions.reviewed").body == "Name a target."


def test_nobody_is_told_of_a_petition_they_can_no_longer_see(committed):
    with committed():
        petition = make_petition(signature_goal=1000)
        follower = UserFactory()
        services.sign(petition, follower, follows=True)
        type(petition).objects.filter(pk=petition.pk).update(hidden_at=timezone.now())
        services.post_update(petition, petition.owner, title="Secret meeting", body="Monday")
    assert inbox("petitions.update") == []
    assert not Notification.objects.filter(recipient=follower).exists()


def test_email_goes_out_only_when_the_follower_chose_it(committed):
    with committed():
        petition = make_petition()
        wants_mail, in_app_only = UserFactory(), UserFactory()
        NotificationPreference.objects.create(member=wants_mail, kind="petitions.update", email=True)
        for follower in (wants_mail, in_app_only):
            services.sign(petition, follower, follows=True)
        services.post_update(petition, petition.owner, title="We met the minister", body="Hope")
    assert {who for _, who, _ in inbox("petitions.update")} == {wants_mail.pk, in_app_only.pk}
    assert [(m.subject, m.to) for m in mail.outbox] == [
        ("We met the minister", [wants_mail.email])]


def test_each_member_is_told_in_their_own_language(committed, moderator):
    from django.utils import translation

    petition = draft(status="submitted", title="Capteurs")
    french, english = UserFactory(), UserFactory()
    french.profile.language = "fr"
    french.profile.save(update_fields=["language"])
    english.profile.language = "en"
    english.profile.save(update_fields=["language"])
    with translation.override("en"), committed():  # the inviter's request is in English
        services.invite(petition, inviter=petition.owner, member=french)
        services.invite(petition, inviter=petition.owner, member=english)
    titles = {who: title for _kind, who, title in inbox("petitions.promoter_invited")}
    assert titles == {french.pk: "Vous êtes invité·e à porter « Capteurs »",
                      english.pk: "You are invited to promote “Capteurs”"}
