"""Garbage in, a 4xx out: every write operation of the plugin's schema, fed nonsense bodies."""
import pytest

from tests.plugins.polls.conftest import client_for
from tests.plugins.polls.factories import SINGLE, make_poll, make_survey, open_survey

pytestmark = pytest.mark.django_db

#: Actions that read no body: they may succeed (or refuse for their own reasons).
BODYLESS = ("/copy/", "/close/", "/publish/")

GARBAGE = [
    [], "text", 12, {"options": [None, {}]}, {"options": ["x"] * 50},
    {"answers": {"a": {"b": []}}}, {"answers": []}, {"condition": {"all": [1, "x"]}},
    {"condition": {"any": [{"question": None, "op": "gt", "value": []}]}},
    {"kind": "scale", "text": "x", "scale_min": "low"}, {"section": "nope", "kind": "single"},
    {"title": ["not", "text"], "eligible_kinds": "patient", "closes_at": 5},
    {"question": {"nested": True}, "options": "a,b", "max_choices": -1},
]


def test_every_write_operation_answers_garbage_with_a_4xx(manager):
    poll = make_poll(manager)
    draft = make_survey(manager, questions=[SINGLE])
    live = open_survey(make_survey(manager, questions=[SINGLE]))
    schema = client_for().get("/api/v1/schema/?format=json").json()
    client = client_for(manager)
    checked = 0
    for path, operations in schema["paths"].items():
        if not path.startswith("/api/v1/polls/"):
            continue
        for method in ("post", "put", "patch"):
            if method not in operations:
                continue
            for survey in (draft, live):
                part = survey.questions.first() if "/questions/" in path else \
                    survey.sections.first()
                url = path.replace("{survey}", str(survey.pk))
                url = url.replace("{id}", str(part.pk) if "{survey}" in path else str(
                    poll.pk if "/polls/polls/" in path else survey.pk))
                for body in GARBAGE:
                    response = getattr(client, method)(url, body, format="json")
                    assert response.status_code < 500, (method, url, body)
                    # A partial update ignores unknown fields, as DRF does; nothing else
                    # that reads a body accepts nonsense.
                    if method != "patch" and not url.endswith(BODYLESS):
                        assert 400 <= response.status_code, (method, url, body,
                                                             response.status_code)
                    checked += 1
    assert checked > 200
