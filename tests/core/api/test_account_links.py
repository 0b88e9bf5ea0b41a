"""Without a front-end, e-mailed account links land on a JSON page saying how to finish."""
import re
from urllib.parse import unquote, urlsplit

import pytest
from django.core import mail

pytestmark = pytest.mark.django_db


def test_the_verification_link_of_the_sign_up_e_mail_explains_the_next_step(client):
    response = client.post("/api/v1/auth/app/v1/auth/signup",
                           {"email": "lea@example.org", "password": "a-Long-passphrase-42"},
                           content_type="application/json")
    assert response.status_code == 401  # verification pending
    link = re.search(r"http://\S+/api/v1/account/verify-email/\S+", mail.outbox[-1].body).group()
    landing = client.get(unquote(urlsplit(link).path))
    assert landing.status_code == 200
    body = landing.json()
    token = response.json()["meta"]["session_token"]
    verified = client.post("/api/v1/auth/app/v1/auth/email/verify", body["body"],
                           content_type="application/json", HTTP_X_SESSION_TOKEN=token)
    assert verified.status_code == 200
    assert body["app_endpoint"].endswith("/api/v1/auth/app/v1/auth/email/verify")
