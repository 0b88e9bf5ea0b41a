"""Account e-mails name the site (not the request's host) and speak the member's language."""
import pytest
from django.core import mail
from django.test import override_settings

pytestmark = pytest.mark.django_db

APP = "/api/v1/auth/app/v1"
PASSWORD = "a long and Unusual passphrase"


def sign_up(client, email, **extra):
    response = client.post(f"{APP}/auth/signup", {"email": email, "password": PASSWORD, **extra},
                           content_type="application/json", HTTP_HOST="127.0.0.1:18800")
    assert response.status_code == 401, response.content
    return mail.outbox[-1]


def test_the_verification_email_names_the_site_never_the_host(client):
    message = sign_up(client, "site@stent.example")
    assert "127.0.0.1:18800" not in message.body.split("http")[0]
    assert "Hello from Stent!" in message.body
    assert message.subject.startswith("[Stent] ")


@override_settings(WAGTAIL_SITE_NAME="Réseau SEP")
def test_the_deployers_site_name_is_used(client):
    assert "Hello from Réseau SEP!" in sign_up(client, "named@stent.example").body


def test_the_language_chosen_at_sign_up_chooses_the_email_language(client):
    french = sign_up(client, "fr@stent.example", language="fr")
    assert "Bonjour" in french.body and "Hello from" not in french.body
    english = sign_up(client, "en@stent.example", language="en")
    assert "Hello from Stent!" in english.body
