"""A place offered from the waiting list, taken or given up from its e-mailed link: GET
explains, a button answers through the registration services, a used link is a 409 page, in
French for a French member."""
import pytest
from django.test import Client

from core.identity.models import Profile
from plugins.agenda.models import Registration
from plugins.agenda.services import registrations as services
from tests.factories import UserFactory
from tests.kit.landing import answered, emailed_path, open_page, press
from tests.plugins.agenda.factories import registration_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def offered(organiser, django_capture_on_commit_callbacks):
    def offered(language="en"):
        event = registration_event(organiser, capacity=1, title="Sophrology workshop")
        holder, waiting = UserFactory(), UserFactory()
        Profile.objects.filter(user=waiting).update(language=language)
        waiting.refresh_from_db()
        with django_capture_on_commit_callbacks(execute=True):
            services.register(event, holder)
            services.register(event, waiting)
            services.cancel_registration(Registration.objects.get(member=holder))
        return event, waiting, emailed_path(waiting.email)
    return offered


def status_of(event, member):
    return Registration.objects.filter(event=event, member=member).latest("created_at").status


def test_get_explains_and_accept_takes_the_place(offered):
    event, waiting, path = offered()
    assert path.startswith("/api/v1/notifications/answer/?token=")
    page = Client(enforce_csrf_checks=True)
    html, csrf = open_page(page, path)
    assert "A place is free for you at “Sophrology workshop”" in html
    assert status_of(event, waiting) == "offered"
    done = press(page, path, csrf, "accept")
    assert done.status_code == 200
    assert "you are registered for “Sophrology workshop”" in done.content.decode()
    assert status_of(event, waiting) == "confirmed"
    assert press(page, path, csrf, "decline").status_code == 409  # used
    assert status_of(event, waiting) == "confirmed"


def test_decline_gives_the_place_up(offered):
    event, waiting, path = offered()
    page, _csrf, done = answered(path, "decline")
    assert done.status_code == 200 and "You gave up the place" in done.content.decode()
    assert status_of(event, waiting) == "cancelled"
    open_page(page, path, status=409)


def test_a_bad_token_is_a_400_page(offered):
    event, waiting, path = offered()
    open_page(Client(), path[:-4] + "nope", status=400)
    assert status_of(event, waiting) == "offered"


def test_a_french_member_reads_the_page_in_french(offered):
    event, waiting, path = offered(language="fr")
    page = Client(enforce_csrf_checks=True)
    html, csrf = open_page(page, path)
    assert '<html lang="fr">' in html and "Une place est libre pour vous à « Sophrology" in html
    done = press(page, path, csrf, "accept").content.decode()
    assert "vous êtes inscrit(e) à « Sophrology workshop »" in done
