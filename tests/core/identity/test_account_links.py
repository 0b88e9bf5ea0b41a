"""Without a front-end, the e-mailed account links land on a page whose button does the step."""
import re
from urllib.parse import unquote, urlsplit

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

APP = "/api/v1/auth/app/v1"


def link_in_last_mail(path: str) -> str:
    link = re.search(rf"http://\S+{re.escape(path)}\S+", mail.outbox[-1].body).group()
    return unquote(urlsplit(link).path)


def open_page(browser, path, **headers):
    page = browser.get(path, **headers)
    assert page.status_code == 200 and page["Content-Type"].startswith("text/html")
    html = page.content.decode()
    return html, re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def signed_up(client, email="lea@example.org") -> str:
    response = client.post(f"{APP}/auth/signup",
                           {"email": email, "password": "a-Long-passphrase-42"},
                           content_type="application/json")
    assert response.status_code == 401  # verification pending
    return link_in_last_mail("/api/v1/account/verify-email/")


def test_the_verification_link_explains_on_get_and_verifies_on_the_button_press(client):
    path = signed_up(client)
    browser = Client(enforce_csrf_checks=True)
    html, csrf = open_page(browser, path)
    assert "Verify my e-mail address" in html and '<form method="post">' in html
    address = EmailAddress.objects.get(email="lea@example.org")
    assert not address.verified  # a mail scanner's GET verifies nothing

    done = browser.post(path, {"csrfmiddlewaretoken": csrf})
    assert done.status_code == 200 and done["Content-Type"].startswith("text/html")
    assert "lea@example.org is verified" in done.content.decode()
    address.refresh_from_db()
    assert address.verified and address.primary
    login = client.post(f"{APP}/auth/login",
                        {"email": "lea@example.org", "password": "a-Long-passphrase-42"},
                        content_type="application/json")
    assert login.status_code == 200


def test_a_bad_verification_key_is_explained_on_the_page_in_the_readers_language(client):
    signed_up(client)
    browser = Client(enforce_csrf_checks=True)
    path = "/api/v1/account/verify-email/not-a-key"
    _html, csrf = open_page(browser, path, HTTP_ACCEPT_LANGUAGE="fr")
    refused = browser.post(path, {"csrfmiddlewaretoken": csrf}, HTTP_ACCEPT_LANGUAGE="fr")
    assert refused.status_code == 400 and refused["Content-Type"].startswith("text/html")
    html = refused.content.decode()
    assert 'role="alert"' in html and "Vérifier mon adresse e-mail" in html
    assert not EmailAddress.objects.filter(verified=True).exists()


def reset_link(client) -> tuple:
    user = UserFactory(email="forgot@stent.example")
    assert client.post(f"{APP}/auth/password/request", {"email": "forgot@stent.example"},
                       content_type="application/json").status_code == 200
    return user, link_in_last_mail("/api/v1/account/password/reset/key/")


def test_the_reset_link_asks_for_a_new_password_checked_by_the_validators(client):
    user, path = reset_link(client)
    browser = Client(enforce_csrf_checks=True)
    html, csrf = open_page(browser, path, HTTP_ACCEPT_LANGUAGE="fr")
    assert 'type="password"' in html and "Nouveau mot de passe" in html

    weak = browser.post(path, {"csrfmiddlewaretoken": csrf, "password": "12345"},
                        HTTP_ACCEPT_LANGUAGE="fr")
    assert weak.status_code == 400
    html = weak.content.decode()
    assert "Ce mot de passe est trop court" in html  # Django's validators, in French
    assert "entièrement numérique" in html
    user.refresh_from_db()
    assert not user.check_password("12345")

    done = browser.post(path, {"csrfmiddlewaretoken": csrf, "password": "a new Unusual phrase"})
    assert done.status_code == 200 and "Your password is changed" in done.content.decode()
    user.refresh_from_db()
    assert user.check_password("a new Unusual phrase")
    used = browser.post(path, {"csrfmiddlewaretoken": csrf, "password": "another Unusual one"})
    assert used.status_code == 400  # the key served once: it is tied to the old password


def test_a_bad_reset_key_is_a_page_with_the_error(client):
    user, _path = reset_link(client)
    browser = Client(enforce_csrf_checks=True)
    path = "/api/v1/account/password/reset/key/1-not-a-key"
    _html, csrf = open_page(browser, path)
    refused = browser.post(path, {"csrfmiddlewaretoken": csrf, "password": "a new Unusual phrase"})
    assert refused.status_code == 400 and 'role="alert"' in refused.content.decode()
    user.refresh_from_db()
    assert not user.check_password("a new Unusual phrase")
