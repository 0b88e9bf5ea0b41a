"""Who is told what: promoters and followers, once per milestone, never e-mail signers."""
import pytest

from plugins.petitions import notifications, services
from tests.factories import UserFactory
from tests.plugins.petitions.factories import make_petition

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(monkeypatch):
    """What would reach core.notifications.services.notify, captured at the plugin's door."""
    calls = []
    monkeypatch.setattr(notifications, "_send", lambda recipients, kind, petition, **kw: calls.append(
        (kind, {user.pk for user in recipients}, kw["title"])))
    return calls


def test_milestones_reach_promoters_and_followers_once_each(sent):
    petition = make_petition(signature_goal=4)
    follower, quiet = UserFactory(), UserFactory()
    services.sign(petition, follower, follows=True)
    services.sign(petition, quiet)
    services.withdraw_signature(petition, quiet)
    services.sign(petition, quiet)  # back to 50 %: no second notice
    for _ in range(2):
        services.sign(petition, UserFactory())
    services.sign_by_email(petition, "visitor@example.org")  # not counted, nobody told
    milestones = [(title.rsplit(" ", 4)[-4], who) for kind, who, title in sent
                  if kind == "petitions.milestone"]
    everyone = {petition.owner_id, follower.pk}
    assert milestones == [("25%", everyone), ("50%", everyone), ("75%", everyone),
                          ("100%", everyone)]


def test_updates_and_outcomes_reach_followers_only(sent):
    petition = make_petition()
    follower = UserFactory()
    services.sign(petition, follower, follows=True)
    services.sign(petition, UserFactory())
    services.post_update(petition, petition.owner, title="Meeting", body="Monday")
    services.close(petition)
    services.record_answer(petition, answer="Yes")
    assert [(kind, who) for kind, who, _ in sent if kind != "petitions.milestone"] == [
        ("petitions.update", {follower.pk}), ("petitions.outcome", {follower.pk})]


def test_review_and_invitation_reach_the_promoters_and_the_invited(sent):
    from tests.plugins.petitions.factories import draft

    petition = draft(status="submitted")
    services.reject(petition, reason="Name a target.")
    invited = UserFactory()
    services.invite(petition, inviter=petition.owner, handle=invited.profile.handle)
    assert [(kind, who) for kind, who, _ in sent] == [
        ("petitions.reviewed", {petition.owner_id}),
        ("petitions.promoter_invited", {invited.pk})]
