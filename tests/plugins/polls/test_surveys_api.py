"""Building, publishing and answering surveys through the API: drafts resumed anywhere,
one submission, withdrawal, and bad input refused with nothing stored."""
from datetime import timedelta

import pytest
from django.utils import timezone

from plugins.polls.models import Question, Response, Section, Survey
from tests.factories import MembershipFactory, UserFactory
from tests.plugins.polls.conftest import client_for
from tests.plugins.polls.factories import SCALE, SINGLE, make_survey, open_survey

pytestmark = pytest.mark.django_db

URL = "/api/v1/polls/surveys/"


def test_a_community_manager_builds_and_publishes_a_survey(manager, community):
    client = client_for(manager)
    created = client.post(URL, {
        "title": "Daily life with ME/CFS", "introduction": "Ten minutes.",
        "audience": "community", "community": community.slug, "estimated_minutes": 10,
        "target_responses": 100, "eligible_kinds": ["patient", "relative"],
        "eligible_communities": [community.slug]}, format="json")
    assert created.status_code == 201, created.json()
    survey = created.json()
    assert survey["state"] == "draft" and survey["consent_purpose"] == "research_surveys"
    base = f"{URL}{survey['id']}/"
    assert client.post(f"{base}publish/").status_code == 409  # no question yet
    section = client.post(f"{base}sections/", {"title": "About you"}, format="json").json()
    question = client.post(f"{base}questions/", {
        "section": section["id"], "kind": "scale", "text": "Fatigue today", "scale_min": 0,
        "scale_max": 10, "min_label": "none", "max_label": "worst", "required": True},
        format="json")
    assert question.status_code == 201, question.json()
    assert client.get(f"{base}questions/").json()[0]["text"] == "Fatigue today"
    published = client.post(f"{base}publish/")
    assert published.status_code == 200 and published.json()["state"] == "open"
    # Once open, the structure is fixed; the results' publication is not.
    changed = client.patch(f"{base}questions/{question.json()['id']}/", {"text": "Other"},
                           format="json")
    assert changed.status_code == 409
    assert client.patch(f"{base}questions/{question.json()['id']}/", {"published": True},
                        format="json").json()["published"] is True
    assert client.post(f"{base}close/").json()["state"] == "closed"


def test_ordinary_members_cannot_build_surveys_nor_touch_another_s(member, manager):
    assert client_for(member).post(URL, {"title": "Mine"}, format="json").status_code == 403
    survey = make_survey(manager)
    base = f"{URL}{survey.pk}/"
    assert client_for(member).post(f"{base}sections/", {"title": "x"},
                                   format="json").status_code == 404  # a draft: unseen
    open_survey(survey)
    for method, path in [("post", "sections/"), ("post", "publish/"), ("post", "close/"),
                         ("patch", ""), ("delete", ""), ("get", "export/")]:
        response = getattr(client_for(member), method)(f"{base}{path}", {}, format="json")
        assert response.status_code == 403, (method, path)
    assert not Section.objects.exists()


@pytest.mark.parametrize("body, field", [
    ({"kind": "single", "text": "Q", "choices": ["only"]}, "choices"),
    ({"kind": "single", "text": "Q", "choices": ["a", "a"]}, "choices"),
    ({"kind": "scale", "text": "Q", "scale_min": 0, "scale_max": 20}, "scale_max"),
    ({"kind": "scale", "text": "Q", "scale_min": 3, "scale_max": 5}, "scale_min"),
    ({"kind": "matrix", "text": "Q", "scale_min": 1, "scale_max": 5}, "rows"),
    ({"kind": "number", "text": "Q", "number_min": 5, "number_max": 1}, "number_max"),
    ({"kind": "telepathy", "text": "Q"}, "kind"),
    ({"kind": "short_text"}, "text"),
    ({"kind": "short_text", "text": "Q", "condition": {"question": "x", "op": "equals",
                                                       "value": 1}}, "condition"),
    ({"kind": "short_text", "text": "Q", "condition": "yes"}, "condition"),
])
def test_bad_questions_get_a_clear_400_and_nothing_is_stored(manager, body, field):
    survey = make_survey(manager)
    section = Section.objects.create(survey=survey, position=0, title="S")
    response = client_for(manager).post(f"{URL}{survey.pk}/questions/",
                                        {"section": str(section.pk), **body}, format="json")
    assert response.status_code == 400
    assert field in response.json(), response.json()
    assert not Question.objects.exists()


def test_a_question_in_another_survey_s_section_is_refused(manager):
    survey, other = make_survey(manager), make_survey(manager)
    section = Section.objects.create(survey=other, position=0, title="S")
    response = client_for(manager).post(f"{URL}{survey.pk}/questions/", {
        "section": str(section.pk), "kind": "short_text", "text": "Q"}, format="json")
    assert response.status_code == 400 and "section" in response.json()


@pytest.fixture
def survey():
    survey = make_survey(questions=[SINGLE, SCALE])
    return open_survey(survey)


def ids(survey):
    return [str(pk) for pk in survey.questions.order_by("position").values_list("pk", flat=True)]


def test_a_draft_saved_on_one_client_is_resumed_on_another_then_submitted(member, survey):
    work, fatigue = ids(survey)
    phone, laptop = client_for(member), client_for(member)
    saved = phone.put(f"{URL}{survey.pk}/responses/mine/", {"answers": {fatigue: 7}},
                      format="json")
    assert saved.status_code == 200, saved.json()
    assert saved.json()["progress"] == {"answered": 1, "shown": 2, "required_left": 1}
    resumed = laptop.get(f"{URL}{survey.pk}/responses/mine/").json()
    assert resumed["eligible"] is True and resumed["has_consent"] is True
    assert resumed["response"]["answers"] == {fatigue: 7}
    assert resumed["response"]["status"] == "draft"
    incomplete = laptop.post(f"{URL}{survey.pk}/responses/mine/submit/", {}, format="json")
    assert incomplete.status_code == 400 and f"answers.{work}" in incomplete.json()
    laptop.put(f"{URL}{survey.pk}/responses/mine/", {"answers": {fatigue: 7, work: "yes"}},
               format="json")
    submitted = laptop.post(f"{URL}{survey.pk}/responses/mine/submit/", {}, format="json")
    assert submitted.status_code == 201 and submitted.json()["status"] == "submitted"
    assert Survey.objects.get(pk=survey.pk).response_count == 1
    again = phone.post(f"{URL}{survey.pk}/responses/mine/submit/", {}, format="json")
    assert again.status_code == 409
    assert phone.put(f"{URL}{survey.pk}/responses/mine/", {"answers": {}},
                     format="json").status_code == 409
    assert Survey.objects.get(pk=survey.pk).response_count == 1


def test_a_withdrawn_response_disappears_from_the_results_at_once(survey):
    work, fatigue = ids(survey)
    members = [UserFactory() for _ in range(10)]
    for member in members:
        client_for(member).post(f"{URL}{survey.pk}/responses/mine/submit/",
                                {"answers": {work: "yes", fatigue: 3}}, format="json")
    manager = client_for(survey.owner)
    before = manager.get(f"{URL}{survey.pk}/results/").json()
    assert before["respondents"] == {"value": 10, "suppressed": False}
    assert client_for(members[0]).delete(f"{URL}{survey.pk}/responses/mine/").status_code == 204
    after = manager.get(f"{URL}{survey.pk}/results/").json()
    assert after["respondents"] == {"value": None, "suppressed": True}
    assert Survey.objects.get(pk=survey.pk).response_count == 9
    assert client_for(members[0]).delete(
        f"{URL}{survey.pk}/responses/mine/").status_code == 404


@pytest.mark.parametrize("answers, key", [
    ({"WORK": 3}, "WORK"),                                # wrong type
    ({"WORK": "maybe"}, "WORK"),                          # not an option
    ({"WORK": "yes", "FATIGUE": 11}, "FATIGUE"),          # out of range
    ({"WORK": "yes", "FATIGUE": True}, "FATIGUE"),        # a boolean is no number
    ({"FATIGUE": 3}, "WORK"),                             # missing required answer
    ({"WORK": "yes", "00000000-0000-0000-0000-000000000000": 1},
     "00000000-0000-0000-0000-000000000000"),             # no such question
])
def test_bad_answers_get_a_clear_400_and_nothing_is_stored(member, survey, answers, key):
    work, fatigue = ids(survey)
    names = {"WORK": work, "FATIGUE": fatigue}
    body = {"answers": {names.get(k, k): v for k, v in answers.items()}}
    response = client_for(member).post(f"{URL}{survey.pk}/responses/mine/submit/", body,
                                       format="json")
    assert response.status_code == 400
    assert f"answers.{names.get(key, key)}" in response.json(), response.json()
    assert not Response.objects.exists()
    assert Survey.objects.get(pk=survey.pk).response_count == 0


@pytest.mark.parametrize("body", [{"answers": "all good"}, {"answers": [1, 2]}, {}])
def test_a_draft_that_is_no_object_of_answers_is_refused(member, survey, body):
    response = client_for(member).put(f"{URL}{survey.pk}/responses/mine/", body, format="json")
    assert response.status_code == 400 and "answers" in response.json()
    assert not Response.objects.exists()


def test_an_answer_to_a_hidden_question_is_refused(member):
    survey = make_survey(questions=[SINGLE])
    work = survey.questions.get()
    from tests.plugins.polls.factories import add_questions

    hours, = add_questions(survey, {"kind": "number", "text": "Hours", "required": True},
                           condition={"question": str(work.pk), "op": "equals",
                                      "value": "yes"})
    open_survey(survey)
    client = client_for(member)
    hidden = client.post(f"{URL}{survey.pk}/responses/mine/submit/", {
        "answers": {str(work.pk): "no", str(hours.pk): 12}}, format="json")
    assert hidden.status_code == 400 and f"answers.{hours.pk}" in hidden.json()
    # Hidden, the required question is not required.
    shown = client.post(f"{URL}{survey.pk}/responses/mine/submit/", {
        "answers": {str(work.pk): "no"}}, format="json")
    assert shown.status_code == 201


@pytest.mark.parametrize("when", ["draft", "closed", "scheduled"])
def test_answering_a_survey_that_is_not_open_is_refused(member, when):
    survey = make_survey(questions=[SINGLE])
    if when != "draft":
        open_survey(survey)
    if when == "closed":
        Survey.objects.filter(pk=survey.pk).update(closed_at=timezone.now())
    if when == "scheduled":
        Survey.objects.filter(pk=survey.pk).update(opens_at=timezone.now() + timedelta(days=1))
    question = str(survey.questions.get().pk)
    response = client_for(member).post(f"{URL}{survey.pk}/responses/mine/submit/",
                                       {"answers": {question: "yes"}}, format="json")
    assert response.status_code == (404 if when == "draft" else 409)
    assert not Response.objects.exists()


def test_only_eligible_members_answer(member, community):
    survey = open_survey(make_survey(questions=[SINGLE], eligible_kinds=["relative"]))
    survey.eligible_communities.add(community)
    question = str(survey.questions.get().pk)
    client = client_for(member)
    state = client.get(f"{URL}{survey.pk}/responses/mine/").json()
    assert state["eligible"] is False and state["reason"]
    refused = client.post(f"{URL}{survey.pk}/responses/mine/submit/",
                          {"answers": {question: "yes"}}, format="json")
    assert refused.status_code == 403
    MembershipFactory(community=community, member=member)
    member.profile.kind = "relative"
    member.profile.save()
    assert client.post(f"{URL}{survey.pk}/responses/mine/submit/",
                       {"answers": {question: "yes"}}, format="json").status_code == 201


def test_survey_settings_are_checked(manager, community):
    client = client_for(manager)
    for body, field in [({"title": ""}, "title"),
                        ({"title": "T", "eligible_kinds": ["alien"]}, "eligible_kinds"),
                        ({"title": "T", "target_responses": 0}, "target_responses"),
                        ({"title": "T", "closes_at": "2001-01-01T00:00:00Z"}, "closes_at"),
                        ({"title": "T", "results_audience": "world"}, "results_audience"),
                        ({"title": "T", "eligible_communities": ["nowhere"]},
                         "eligible_communities")]:
        response = client.post(URL, body, format="json")
        assert response.status_code == 400 and field in response.json(), (body, response.json())
    assert not Survey.objects.exists()


def test_answering_a_research_survey_needs_the_research_consent(policy):
    from tests.plugins.polls.conftest import consenting

    survey = open_survey(make_survey(questions=[SINGLE], consent_purpose="research_surveys"))
    question = str(survey.questions.get().pk)
    member = UserFactory()
    client = client_for(member)
    state = client.get(f"{URL}{survey.pk}/responses/mine/").json()
    assert state["consent_purpose"] == "research_surveys" and state["has_consent"] is False
    for method, path in [("put", ""), ("post", "submit/")]:
        refused = getattr(client, method)(f"{URL}{survey.pk}/responses/mine/{path}",
                                          {"answers": {question: "yes"}}, format="json")
        assert refused.status_code == 403
        assert "research_surveys" in str(refused.json())
    assert not Response.objects.exists()
    consenting(policy, member)
    assert client.post(f"{URL}{survey.pk}/responses/mine/submit/",
                       {"answers": {question: "yes"}}, format="json").status_code == 201
