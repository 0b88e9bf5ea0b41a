"""A promoter invitation answered from its e-mailed link: GET explains, a button answers
through the same services as the API, a used or bad link is a 4xx page, in French for a French
member."""
import pytest
from django.test import Client

from core.identity.models import Profile
from core.notifications.models import NotificationPreference
from plugins.petitions import services
from plugins.petitions.models import Promoter
from tests.factories import UserFactory
from tests.kit.landing import answered, emailed_path, open_page, press
from tests.plugins.petitions.factories import draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def invite(django_capture_on_commit_callbacks):
    def invite(language="en"):
        petition, member = draft(title="Reimburse insulin pumps"), UserFactory()
        Profile.objects.filter(user=member).update(language=language)
        member.refresh_from_db()
        NotificationPreference.objects.create(member=member, kind="petitions.promoter_invited",
                                              email=True)
        with django_capture_on_commit_callbacks(execute=True):
            services.invite(petition, inviter=petition.owner, member=member)
        return petition, member, emailed_path(member.email)
    return invite


def promoter(petition, member):
    return Promoter.objects.filter(petition=petition, member=member).first()


def test_get_explains_and_accept_makes_a_promoter(invite):
    petition, member, path = invite()
    assert path.startswith("/api/v1/notifications/answer/?token=")
    page = Client(enforce_csrf_checks=True)
    html, csrf = open_page(page, path)
    assert (f"{petition.owner.profile.handle} invites you to promote the petition "
            "“Reimburse insulin pumps”") in html
    assert promoter(petition, member).status == Promoter.Status.INVITED
    done = press(page, path, csrf, "accept")
    assert done.status_code == 200
    assert "You now promote “Reimburse insulin pumps”." in done.content.decode()
    assert promoter(petition, member).status == Promoter.Status.ACCEPTED
    # Used: the same link answers nothing more, on GET as on POST.
    open_page(page, path, status=409)
    assert press(page, path, csrf, "decline").status_code == 409
    assert promoter(petition, member).status == Promoter.Status.ACCEPTED


def test_decline_removes_the_invitation_and_the_link_is_then_a_4xx_page(invite):
    petition, member, path = invite()
    page, _csrf, done = answered(path, "decline")
    assert done.status_code == 200 and "You declined to promote" in done.content.decode()
    assert promoter(petition, member) is None
    html, _csrf = open_page(page, path, status=404)
    assert "You are not invited to promote this petition." in html


def test_a_bad_token_is_a_400_page(invite):
    petition, member, path = invite()
    html, _csrf = open_page(Client(), path[:-3] + "abc", status=400)
    assert "This link is invalid or has expired." in html
    assert promoter(petition, member).status == Promoter.Status.INVITED


def test_a_closed_petition_refuses_the_acceptance_with_a_409_page(invite):
    petition, member, path = invite()
    page = Client(enforce_csrf_checks=True)
    _html, csrf = open_page(page, path)
    type(petition).objects.filter(pk=petition.pk).update(status="closed")
    refused = press(page, path, csrf, "accept")
    assert refused.status_code == 409
    assert "This petition no longer takes new promoters." in refused.content.decode()
    assert promoter(petition, member).status == Promoter.Status.INVITED


def test_a_french_member_reads_the_page_in_french(invite):
    petition, member, path = invite(language="fr")
    page = Client(enforce_csrf_checks=True)
    html, csrf = open_page(page, path)
    assert '<html lang="fr">' in html and "Accepter" in html
    assert "vous invite à promouvoir la pétition « Reimburse insulin pumps »" in html
    done = press(page, path, csrf, "accept").content.decode()
    assert "Vous promouvez désormais « Reimburse insulin pumps »." in done
