"""A circle invitation answered from its e-mailed link: GET explains, a button answers, through
circles.answer; a bad, expired, foreign or used link is a 4xx page; the page speaks the
invitee's language."""
import time

import pytest
from django.core import signing
from django.test import Client

from core.identity import circles
from core.identity.models import CircleMembership, Profile
from core.notifications.links import ANSWER_SALT
from core.notifications.models import Notification
from tests.factories import UserFactory
from tests.kit.landing import answered, emailed_path, open_page, press, token_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def invited(django_capture_on_commit_callbacks):
    """An owner invited a member into their circle (the invitation is e-mailed by default)."""
    owner, invitee = UserFactory(), UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        link = circles.invite(owner, invitee.profile.handle, "caregiver")
    return link, emailed_path(invitee.email)


def browser():
    return Client(enforce_csrf_checks=True)


def test_the_link_explains_on_get_and_accepts_on_the_button(invited):
    link, path = invited
    assert path.startswith("/api/v1/notifications/answer/?token=")
    page = browser()
    html, csrf = open_page(page, path)
    handle = link.owner.profile.handle
    assert f"{handle} invites you into their circle, as: Caregiver" in html
    assert 'value="accept"' in html and 'value="decline"' in html
    link.refresh_from_db()
    assert link.status == CircleMembership.Status.PENDING  # a mail scanner's GET answers nothing

    done = press(page, path, csrf, "accept")
    assert done.status_code == 200 and done["Content-Type"].startswith("text/html")
    assert f"You are now in the circle of {handle}." in done.content.decode()
    link.refresh_from_db()
    assert link.status == CircleMembership.Status.ACCEPTED and link.responded_at is not None


def test_the_decline_button_declines(invited):
    link, path = invited
    _page, _csrf, done = answered(path, "decline")
    assert done.status_code == 200
    assert "You declined the invitation of" in done.content.decode()
    link.refresh_from_db()
    assert link.status == CircleMembership.Status.DECLINED


def test_a_used_link_is_a_409_page_and_answers_nothing_again(invited):
    link, path = invited
    page, csrf, done = answered(path, "decline")
    assert done.status_code == 200
    html, _csrf = open_page(page, path, status=409)
    assert "This invitation has already been answered." in html and "<button" not in html
    again = press(page, path, csrf, "accept")
    assert again.status_code == 409 and again["Content-Type"].startswith("text/html")
    link.refresh_from_db()
    assert link.status == CircleMembership.Status.DECLINED


def test_a_withdrawn_invitation_is_a_404_page(invited):
    link, path = invited
    circles.remove(link.owner, link.member.profile.handle)
    html, _csrf = open_page(browser(), path, status=404)
    assert "This invitation no longer exists." in html


def test_the_api_path_of_the_circle_stays_the_notifications_url(invited):
    link, _path = invited
    notification = Notification.objects.get(kind="privacy.circle_invitation")
    assert notification.url == "/me/circle/"
    assert (notification.target_type.model, notification.target_id) == (
        "circlemembership", str(link.pk))


@pytest.mark.parametrize("token", [
    "", "not-a-token",
    signing.dumps({"n": "00000000-0000-0000-0000-000000000000", "r": "1"}, salt=ANSWER_SALT),
])
def test_a_bad_token_is_a_400_page_without_buttons(invited, token):
    link, _path = invited
    page = browser()
    html, csrf = open_page(page, f"/api/v1/notifications/answer/?token={token}", status=400)
    assert "This link is invalid or has expired." in html and "<button" not in html
    link.refresh_from_db()
    assert link.status == CircleMembership.Status.PENDING


def test_a_token_signed_for_another_purpose_or_tampered_is_refused(invited):
    link, path = invited
    payload = signing.loads(token_of(path), salt=ANSWER_SALT)
    other_purpose = signing.dumps(payload, salt="stent.something-else")
    html, _csrf = open_page(browser(), f"/api/v1/notifications/answer/?token={other_purpose}",
                            status=400)
    assert "This link is invalid or has expired." in html
    stranger = {**payload, "r": str(UserFactory().pk)}
    forged = signing.dumps(stranger, salt=ANSWER_SALT, key="not the site's secret key")
    named_other = signing.dumps(stranger, salt=ANSWER_SALT)  # the notification is not theirs
    for token in (forged, named_other):
        open_page(browser(), f"/api/v1/notifications/answer/?token={token}", status=400)
    link.refresh_from_db()
    assert link.status == CircleMembership.Status.PENDING


def test_an_expired_link_is_a_400_page_and_answers_nothing(invited, monkeypatch, settings):
    link, path = invited
    page = browser()
    _html, csrf = open_page(page, path)
    later = time.time() + (settings.STENT_INVITATION_LINK_DAYS + 1) * 86400
    monkeypatch.setattr(signing.time, "time", lambda: later)
    refused = press(page, path, csrf, "accept")
    assert refused.status_code == 400
    assert "This link is invalid or has expired." in refused.content.decode()
    link.refresh_from_db()
    assert link.status == CircleMembership.Status.PENDING


def test_a_post_without_a_known_button_answers_nothing(invited):
    link, path = invited
    page = browser()
    _html, csrf = open_page(page, path)
    for choice in (None, "maybe"):
        refused = press(page, path, csrf, choice)
        assert refused.status_code == 400 and refused["Content-Type"].startswith("text/html")
    link.refresh_from_db()
    assert link.status == CircleMembership.Status.PENDING


def test_a_french_invitee_reads_the_page_in_french(django_capture_on_commit_callbacks):
    owner, invitee = UserFactory(), UserFactory()
    Profile.objects.filter(user=invitee).update(language="fr")
    invitee.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        circles.invite(owner, invitee.profile.handle, "relative")
    path = emailed_path(invitee.email)
    page = browser()
    html, csrf = open_page(page, path)  # no Accept-Language: the invitee's own language
    assert '<html lang="fr">' in html
    assert f"{owner.profile.handle} vous invite dans son cercle, en tant que : Proche" in html
    assert "Accepter" in html and "Refuser" in html
    done = press(page, path, csrf, "accept").content.decode()
    assert f"Vous êtes maintenant dans le cercle de {owner.profile.handle}." in done
