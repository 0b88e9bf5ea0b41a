"""Headless preview: an editor gets a short-lived token; the API returns the draft for it only."""
import time

import pytest
from django.contrib.auth.models import Group

from tests.cms.factories import make_condition_page
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    user = UserFactory()
    user.groups.add(Group.objects.get(name="Editors"))  # Wagtail's: may edit the whole tree
    return user


def preview_token(client, user, page):
    client.force_authenticate(user)
    response = client.post("/api/v1/pages/preview-tokens/", {"page": page.pk}, format="json")
    client.force_authenticate(None)
    return response


def test_the_preview_token_returns_the_draft_and_nothing_else(api_client, tree, editor):
    page = make_condition_page(tree["conditions"], title="Fibromyalgia")
    page.title = "Fibromyalgia (new draft)"
    page.summary = "A rewritten summary, not yet reviewed."
    page.save_revision(user=editor)

    response = preview_token(api_client, editor, page)
    assert response.status_code == 201
    token = response.json()["token"]
    assert response.json()["url"] == f"http://testserver/api/v1/pages/preview/?token={token}"

    draft = api_client.get("/api/v1/pages/preview/", {"token": token})
    assert draft.status_code == 200
    assert draft.json()["title"] == "Fibromyalgia (new draft)"
    assert draft.json()["summary"] == "A rewritten summary, not yet reviewed."
    # The public API still serves the live version, and no search finds the draft.
    assert api_client.get(f"/api/v1/pages/{page.pk}/").json()["title"] == "Fibromyalgia"
    assert api_client.get("/api/v1/pages/?search=rewritten").json()["items"] == []


def test_the_preview_token_expires(api_client, tree, editor, settings, monkeypatch):
    page = make_condition_page(tree["conditions"], live=False)
    token = preview_token(api_client, editor, page).json()["token"]
    later = time.time() + settings.STENT_PREVIEW_TOKEN_MAX_AGE + 1
    monkeypatch.setattr(time, "time", lambda: later)
    response = api_client.get("/api/v1/pages/preview/", {"token": token})
    assert response.status_code == 403
    assert response.json() == {"detail": "This preview token has expired."}


@pytest.mark.parametrize("params, status, detail", [
    ({}, 400, "token is required"),
    ({"token": "forged"}, 403, "This preview token is not valid."),
])
def test_a_missing_or_forged_token_is_refused(api_client, params, status, detail):
    response = api_client.get("/api/v1/pages/preview/", params)
    assert response.status_code == status
    assert response.json() == {"detail": detail}


def test_only_editors_of_the_page_get_a_token(api_client, tree, editor):
    page = make_condition_page(tree["conditions"], live=False)
    assert api_client.post("/api/v1/pages/preview-tokens/", {"page": page.pk},
                           format="json").status_code in (401, 403)
    assert preview_token(api_client, UserFactory(), page).status_code == 404
    api_client.force_authenticate(editor)
    for body, field in (({}, "page"), ({"page": "abc"}, "page"), ({"page": 0}, "page")):
        response = api_client.post("/api/v1/pages/preview-tokens/", body, format="json")
        assert response.status_code == 400 and field in response.json()
    missing = api_client.post("/api/v1/pages/preview-tokens/", {"page": 999999}, format="json")
    assert missing.status_code == 404
