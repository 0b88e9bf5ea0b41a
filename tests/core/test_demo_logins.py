"""`make run`'s demo logins: one per role, each signs in and does one thing of its role."""
import pytest
from django.conf import settings
from django.core.management import call_command

from core.identity.demo import EDITOR_EMAIL, MODERATOR_EMAIL, REVIEWER_EMAIL

pytestmark = pytest.mark.django_db
APP_LOGIN = "/api/v1/auth/app/v1/auth/login"
ROLES = {"patient": "camille@stent.example", "relative": "sam@stent.example",
         "health professional": "dr.martin@stent.example",
         "association": "association@stent.example", "editor": EDITOR_EMAIL,
         "reviewer": REVIEWER_EMAIL, "moderator": MODERATOR_EMAIL}


@pytest.fixture
def seeded(settings):
    settings.DEBUG = True
    call_command("stent_seed", verbosity=0)


def app_token(client, email) -> dict:
    """The headless app login, which refuses an unverified e-mail."""
    login = client.post(APP_LOGIN, {"email": email, "password": settings.STENT_DEMO_PASSWORD},
                        content_type="application/json")
    assert login.status_code == 200, (email, login.json())
    return {"HTTP_X_SESSION_TOKEN": login.json()["meta"]["session_token"]}


def admin_session(client, email):
    assert client.login(email=email, password=settings.STENT_DEMO_PASSWORD), email


def test_make_run_prints_one_login_per_role(seeded, capsys, settings):
    call_command("stent_welcome")
    printed = capsys.readouterr().out
    for role, email in {**ROLES, "administrator": settings.STENT_DEMO_ADMIN_EMAIL}.items():
        line = next(line for line in printed.splitlines() if email in line)
        assert line.split()[0] == role.split()[0], line
        assert settings.STENT_DEMO_PASSWORD in line


def test_every_demo_login_signs_in_and_acts_in_its_role(seeded, client):
    from plugins.petitions.models import Petition

    camille = app_token(client, ROLES["patient"])
    assert client.patch("/api/v1/me/", {"bio": "Capteur posé ce matin."},
                        content_type="application/json", **camille).status_code == 200

    sam = app_token(client, ROLES["relative"])
    invited = client.post("/api/v1/me/circle/", {"handle": "camille-t1d", "relation": "relative"},
                          content_type="application/json", **sam)
    assert invited.status_code == 201, invited.json()

    doctor = app_token(client, ROLES["health professional"])
    assert client.get("/api/v1/me/", **doctor).json()["verified"] is True

    association = app_token(client, ROLES["association"])
    drafted = client.post("/api/v1/petitions/", {
        "title": "Accessible clinics", "text": "Step-free access everywhere.",
        "target": "The health ministry", "signature_goal": 100}, content_type="application/json",
        **association)
    assert drafted.status_code == 201, drafted.json()

    moderator = app_token(client, ROLES["moderator"])
    assert client.get("/api/v1/moderation/reports/", **moderator).status_code == 200
    submitted = Petition.objects.get(slug="long-covid-clinics")
    published = client.post(f"/api/v1/petitions/{submitted.pk}/publish/", **moderator)
    assert published.status_code == 200, published.json()

    for email in (EDITOR_EMAIL, REVIEWER_EMAIL):
        app_token(client, email)  # their e-mails are verified too
    admin_session(client, EDITOR_EMAIL)
    for page in ("/admin/images/", "/admin/images/multiple/add/", "/admin/images/chooser/",
                 "/admin/snippets/identity/condition/", "/admin/snippets/identity/condition/add/"):
        assert client.get(page).status_code == 200, page
    client.logout()

    admin_session(client, REVIEWER_EMAIL)
    assert client.get("/admin/").status_code == 200
    client.logout()

    admin_session(client, settings.STENT_DEMO_ADMIN_EMAIL)
    assert client.get("/django-admin/").status_code == 200
