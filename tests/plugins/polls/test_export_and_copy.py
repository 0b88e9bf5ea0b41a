"""The managers' export (refused under the minimum group size) and a survey run again."""
import csv
import io

import pytest

from plugins.polls.models import Survey
from plugins.polls.services.responses import submit
from tests.factories import UserFactory
from tests.plugins.polls.conftest import client_for
from tests.plugins.polls.factories import SCALE, SINGLE, make_survey, open_survey

pytestmark = pytest.mark.django_db

URL = "/api/v1/polls/surveys/"
MATRIX = {"kind": "matrix", "text": "Rate", "rows": ["sleep", "pain"], "scale_min": 1,
          "scale_max": 5}


def answered(count):
    survey = open_survey(make_survey(questions=[SINGLE, SCALE, MATRIX]))
    work, tired, rate = survey.questions.order_by("position")
    members = [UserFactory() for _ in range(count)]
    for member in members:
        submit(survey, member, {str(work.pk): "yes", str(tired.pk): 4,
                                str(rate.pk): {"sleep": 2, "pain": 5}})
    return survey, members


def test_the_export_refuses_fewer_respondents_than_the_minimum_group_size():
    survey, _ = answered(9)
    response = client_for(survey.owner).get(f"{URL}{survey.pk}/export/", {"format": "csv"})
    assert response.status_code == 409
    assert response["Content-Type"].startswith("application/json")
    assert "10" in response.json()["detail"]


def test_the_export_gives_rows_under_random_respondent_keys_and_no_identity():
    survey, members = answered(10)
    client = client_for(survey.owner)
    body = client.get(f"{URL}{survey.pk}/export/", {"format": "json"}).json()
    columns, rows = body["responses"]["columns"], body["responses"]["rows"]
    assert columns == ["respondent", "Do you work?", "Fatigue this week", "Rate / sleep",
                       "Rate / pain"]
    assert len(rows) == 10 and rows == sorted(rows)
    keys = {row[0] for row in rows}
    assert len(keys) == 10
    text = str(body)
    for member in members:
        assert member.profile.handle not in text and member.email not in text
    from plugins.polls.models import Response

    for response_id in Response.objects.filter(survey=survey).values_list("pk", flat=True):
        assert str(response_id) not in text
    responses = client.get(f"{URL}{survey.pk}/export/", {"format": "csv", "part": "responses"})
    assert responses.status_code == 200 and responses["Content-Type"].startswith("text/csv")
    parsed = list(csv.reader(io.StringIO(responses.content.decode())))
    assert parsed[0] == columns and len(parsed) == 11
    aggregated = client.get(f"{URL}{survey.pk}/export/", {"format": "csv"})
    lines = list(csv.reader(io.StringIO(aggregated.content.decode())))
    assert lines[0][:3] == ["question", "option", "count"]
    assert ["Do you work?", "yes", "10", "100.0", "", ""] in lines
    assert client.get(f"{URL}{survey.pk}/export/", {"format": "csv", "part": "x"}
                      ).status_code == 400
    assert client_for(members[0]).get(f"{URL}{survey.pk}/export/").status_code == 403


def test_a_survey_is_copied_and_its_results_compared_with_the_previous_run():
    survey, _ = answered(10)
    client = client_for(survey.owner)
    survey.owner.profile.kind = "association"
    survey.owner.profile.save()
    copied = client.post(f"{URL}{survey.pk}/copy/")
    assert copied.status_code == 201, copied.json()
    copy = Survey.objects.get(pk=copied.json()["id"])
    assert copied.json()["state"] == "draft" and copied.json()["previous_run"] == str(survey.pk)
    assert [q.text for q in copy.questions.order_by("position")] == [
        q.text for q in survey.questions.order_by("position")]
    assert client.post(f"{URL}{copy.pk}/publish/").status_code == 200
    copy.refresh_from_db()
    work = copy.questions.get(kind="single")
    tired = copy.questions.get(kind="scale")
    rate = copy.questions.get(kind="matrix")
    for _ in range(10):
        submit(copy, UserFactory(), {str(work.pk): "no", str(tired.pk): 2,
                                     str(rate.pk): {"sleep": 1, "pain": 1}})
    compared = client.get(f"{URL}{copy.pk}/compare/")
    assert compared.status_code == 200, compared.json()
    pairs = {pair["current"]["text"]: pair for pair in compared.json()["questions"]}
    assert pairs["Do you work?"]["previous_question"] == str(
        survey.questions.get(kind="single").pk)
    now = dict((o["label"], o["count"]["value"]) for o in pairs["Do you work?"]["current"]["options"])
    before = dict((o["label"], o["count"]["value"])
                  for o in pairs["Do you work?"]["previous"]["options"])
    assert now == {"yes": 0, "no": 10} and before == {"yes": 10, "no": 0}
    assert client.get(f"{URL}{survey.pk}/compare/").status_code == 409  # not a copy
    assert client_for(UserFactory()).post(f"{URL}{survey.pk}/copy/").status_code == 403
