"""Accounts through allauth headless: sign-up, e-mail verification, TOTP, session token, 429."""
import re
import time
from urllib.parse import unquote

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core import mail

pytestmark = pytest.mark.django_db

APP = "/api/v1/auth/app/v1"
BROWSER = "/api/v1/auth/browser/v1"
PASSWORD = "a long and Unusual passphrase"


def totp_code(secret: str) -> str:
    """The current code; near the end of a 30-second period, the next one's (else the server
    may check it in the following period, with no tolerance, and refuse it)."""
    if 30 - time.time() % 30 < 3:
        time.sleep(3)
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def test_headless_app_signs_up_verifies_enables_totp_and_calls_me(client):
    signup = client.post(f"{APP}/auth/signup", {"email": "new@stent.example",
                                                "password": PASSWORD, "handle": "NewMember"},
                         content_type="application/json")
    assert signup.status_code == 401  # signed up, the e-mail still needs verifying
    token = signup.json()["meta"]["session_token"]
    flows = {flow["id"]: flow for flow in signup.json()["data"]["flows"]}
    assert flows["verify_email"]["is_pending"]
    auth = {"HTTP_X_SESSION_TOKEN": token}

    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["new@stent.example"]
    key = unquote(re.search(r"/account/verify-email/(\S+)", mail.outbox[0].body).group(1))
    assert mail.outbox[0].body.count("http://127.0.0.1:8000/api/v1/account/verify-email/") == 1
    verified = client.post(f"{APP}/auth/email/verify", {"key": key},
                           content_type="application/json", **auth)
    assert verified.status_code == 200
    assert verified.json()["data"]["user"] == {
        "handle": "NewMember", "display": "NewMember", "email": "new@stent.example",
        "has_usable_password": True}
    token = verified.json()["meta"]["session_token"]
    auth = {"HTTP_X_SESSION_TOKEN": token}

    # Enabling a second factor asks for the password again (allauth's re-authentication).
    again = client.post(f"{APP}/auth/reauthenticate", {"password": PASSWORD},
                        content_type="application/json", **auth)
    assert again.status_code == 200
    pending = client.get(f"{APP}/account/authenticators/totp", **auth)
    assert pending.status_code == 404
    secret = pending.json()["meta"]["secret"]
    activated = client.post(f"{APP}/account/authenticators/totp", {"code": totp_code(secret)},
                            content_type="application/json", **auth)
    assert activated.status_code == 200, activated.json()
    codes = client.get(f"{APP}/account/authenticators/recovery-codes", **auth)
    assert codes.status_code == 200 and len(codes.json()["data"]["unused_codes"]) == 10

    assert client.delete(f"{APP}/auth/session", **auth).status_code == 401
    assert client.get("/api/v1/me/", **auth).status_code in (401, 403)

    login = client.post(f"{APP}/auth/login", {"email": "new@stent.example", "password": PASSWORD},
                        content_type="application/json")
    assert login.status_code == 401
    assert [f["id"] for f in login.json()["data"]["flows"] if f.get("is_pending")] == [
        "mfa_authenticate"]
    auth = {"HTTP_X_SESSION_TOKEN": login.json()["meta"]["session_token"]}
    second = client.post(f"{APP}/auth/2fa/authenticate", {"code": totp_code(secret)},
                         content_type="application/json", **auth)
    assert second.status_code == 200, second.json()
    auth = {"HTTP_X_SESSION_TOKEN": second.json()["meta"]["session_token"]}

    me = client.get("/api/v1/me/", **auth)
    assert me.status_code == 200
    assert me.json()["handle"] == "NewMember" and me.json()["email"] == "new@stent.example"


def test_signup_generates_a_handle_and_rejects_weak_passwords_and_taken_handles(client):
    weak = client.post(f"{APP}/auth/signup", {"email": "a@stent.example", "password": "password"},
                       content_type="application/json")
    assert weak.status_code == 400
    assert {e["param"] for e in weak.json()["errors"]} == {"password"}
    ok = client.post(f"{APP}/auth/signup", {"email": "a@stent.example", "password": PASSWORD},
                     content_type="application/json")
    assert ok.status_code == 401
    from core.identity.models import Profile

    generated = Profile.objects.get(user__email="a@stent.example").handle
    assert re.fullmatch(r"[a-z]+-[a-z]+-\d{4}", generated)
    taken = client.post(f"{APP}/auth/signup", {"email": "b@stent.example", "password": PASSWORD,
                                               "handle": generated.upper()},
                        content_type="application/json")
    assert taken.status_code == 400
    assert taken.json()["errors"][0]["param"] == "handle"


def test_ten_wrong_passwords_in_a_row_answer_429(client):
    from tests.factories import UserFactory
    from allauth.account.models import EmailAddress

    user = UserFactory(email="target@stent.example")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    statuses = [client.post(f"{APP}/auth/login", {"email": user.email, "password": "wrong one!"},
                            content_type="application/json").status_code for _ in range(10)]
    assert statuses[:5] == [400] * 5
    assert statuses[-1] == 429 and set(statuses[5:]) == {429}
    last = client.post(f"{APP}/auth/login", {"email": user.email, "password": "wrong one!"},
                       content_type="application/json")
    assert last["Content-Type"].startswith("application/json")
    assert last.json()["status"] == 429
    # The right password does not get through either while the account is locked out.
    right = client.post(f"{APP}/auth/login", {"email": user.email,
                                              "password": "correct horse battery staple"},
                        content_type="application/json")
    assert right.status_code == 429


def test_browser_client_logs_in_with_cookie_and_csrf_and_drf_accepts_the_session():
    from allauth.account.models import EmailAddress
    from django.test import Client

    from tests.factories import UserFactory

    user = UserFactory(email="browser@stent.example")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    browser = Client(enforce_csrf_checks=True)
    browser.get(f"{BROWSER}/config")
    csrf = browser.cookies["csrftoken"].value
    refused = browser.post(f"{BROWSER}/auth/login", {"email": user.email,
                                                     "password": "correct horse battery staple"},
                           content_type="application/json")
    assert refused.status_code == 403
    login = browser.post(f"{BROWSER}/auth/login", {"email": user.email,
                                                   "password": "correct horse battery staple"},
                         content_type="application/json", HTTP_X_CSRFTOKEN=csrf)
    assert login.status_code == 200
    assert browser.get("/api/v1/me/").json()["email"] == user.email
    patched = browser.patch("/api/v1/me/", {"bio": "hello"}, content_type="application/json")
    assert patched.status_code == 403  # cookie sessions need the CSRF token for writes
    patched = browser.patch("/api/v1/me/", {"bio": "hello"}, content_type="application/json",
                            HTTP_X_CSRFTOKEN=browser.cookies["csrftoken"].value)
    assert patched.status_code == 200 and patched.json()["bio"] == "hello"


def test_password_reset_mails_a_front_end_link(client):
    from tests.factories import UserFactory

    UserFactory(email="forgot@stent.example")
    response = client.post(f"{APP}/auth/password/request", {"email": "forgot@stent.example"},
                           content_type="application/json")
    assert response.status_code == 200
    assert "/api/v1/account/password/reset/key/" in mail.outbox[0].body
