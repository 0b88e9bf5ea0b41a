"""Every notification kind's e-mailed link lands on a page (never a 404 or a JSON 401), on a
default install and without a front-end; templates come from the settings, per kind."""
import pytest
from django.test import Client
from django.utils.html import escape

from core.notifications.kinds import all_kinds
from core.notifications.links import kind_link_setting
from core.notifications.models import NotificationPreference
from core.notifications.services import notify
from tests.factories import UserFactory
from tests.kit.landing import emailed_path, open_page

pytestmark = pytest.mark.django_db


def emailed(kind, django_capture_on_commit_callbacks, member=None):
    member = member or UserFactory()
    NotificationPreference.objects.update_or_create(member=member, kind=kind.key,
                                                    defaults={"email": True})
    with django_capture_on_commit_callbacks(execute=True):
        notification = notify(member, kind.key, title="Something happened",
                              url="/api/v1/somewhere/")
    return notification, emailed_path(member.email)


def test_every_kind_links_to_a_page_in_the_recipients_language(
        django_capture_on_commit_callbacks):
    kinds = list(all_kinds().values())
    assert len(kinds) > 30 and any(kind.answers for kind in kinds)
    for kind in kinds:
        notification, path = emailed(kind, django_capture_on_commit_callbacks)
        if kind.answers:
            # Its page needs the invitation behind it: each invitation kind's tests answer one
            # (tests/core/notifications/test_invitation_pages.py...); without one the page
            # still says so in HTML.
            assert path.startswith("/api/v1/notifications/answer/?token="), kind.key
            page = Client().get(path)
            assert 400 <= page.status_code < 500, kind.key
            assert page["Content-Type"].startswith("text/html"), kind.key
            continue
        assert path == f"/api/v1/notifications/{notification.pk}/", kind.key
        html, csrf = open_page(Client(), path)
        assert escape(str(kind.label)) in html, kind.key
        assert "sign in to Stent with the app" in html and csrf is None, kind.key


def test_the_page_speaks_the_recipients_language_and_posts_nothing(
        django_capture_on_commit_callbacks):
    member = UserFactory()
    member.profile.language = "fr"
    member.profile.save(update_fields=["language"])
    notification, path = emailed(all_kinds()["communities.member_removed"],
                                 django_capture_on_commit_callbacks, member)
    html, _csrf = open_page(Client(), path, HTTP_ACCEPT_LANGUAGE="en")
    assert '<html lang="fr">' in html and escape("Vous avez été retiré d'une communauté") in html
    assert "<form" not in html
    assert Client().post(path).status_code == 405


def test_a_page_of_a_deleted_notification_is_a_404_page_not_json(
        django_capture_on_commit_callbacks):
    notification, path = emailed(all_kinds()["communities.member_removed"],
                                 django_capture_on_commit_callbacks)
    notification.delete()
    html, _csrf = open_page(Client(), path, status=404)
    assert "This notification no longer exists." in html


def test_a_front_end_gets_links_from_the_templates_per_kind(
        django_capture_on_commit_callbacks, settings):
    settings.STENT_FRONTEND_URL = "https://app.example.org"
    setattr(settings, kind_link_setting("communities.member_removed"),
            "{frontend}/communities/left?n={notification}&from={path}")
    kinds = all_kinds()
    removed, path = emailed(kinds["communities.member_removed"],
                            django_capture_on_commit_callbacks)
    assert path == f"/communities/left?n={removed.pk}&from=/api/v1/somewhere/"
    other, path = emailed(kinds["communities.request_rejected"],
                          django_capture_on_commit_callbacks)
    assert path == f"/notifications/{other.pk}/"  # STENT_NOTIFICATION_LINK under the front-end
    _invitation, path = emailed(kinds["privacy.circle_invitation"],
                                django_capture_on_commit_callbacks)
    assert path.startswith("/notifications/answer/?token=")


def test_the_kind_setting_is_named_after_the_key():
    assert kind_link_setting("petitions.promoter_invited") == (
        "STENT_NOTIFICATION_LINK_PETITIONS_PROMOTER_INVITED")
