"""Site-wide search, the Wagtail admin for moderators and managers, demo data."""
import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command

from core.privacy.audiences import Audience
from plugins.polls.models import Poll, Survey
from tests.factories import UserFactory
from tests.plugins.polls.conftest import client_for
from tests.plugins.polls.factories import make_poll, make_survey, open_survey

pytestmark = pytest.mark.django_db


def found(client, words):
    response = client.get("/api/v1/search/", {"q": words})
    assert response.status_code == 200
    return {(hit["type"], hit["title"]) for hit in response.json()["results"]}


def test_hook_stent_search_models_polls_only_to_those_allowed_to_see_them():
    public = make_poll(question="Wheelchair meeting date?", audience=Audience.PUBLIC)
    members = make_poll(question="Wheelchair ramp letter?", audience=Audience.MEMBERS)
    survey = open_survey(make_survey(title="Wheelchair survey", audience=Audience.PUBLIC))
    draft = make_survey(title="Wheelchair draft survey", audience=Audience.PUBLIC)
    call_command("update_index", stdout=open("/dev/null", "w"))
    assert found(client_for(), "wheelchair") == {("polls.poll", public.question),
                                                 ("polls.survey", survey.title)}
    assert ("polls.poll", members.question) in found(client_for(UserFactory()), "wheelchair")
    assert ("polls.survey", draft.title) not in found(client_for(UserFactory()), "wheelchair")
    hit = client_for().get("/api/v1/search/", {"q": "meeting"}).json()["results"][0]
    assert hit["url"] == f"/api/v1/polls/polls/{public.pk}/"


def test_moderators_list_filter_and_search_polls_and_surveys_in_the_admin(client):
    staff = UserFactory(is_staff=True)
    staff.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="polls",
                                   codename__in=["view_poll", "change_poll", "view_survey",
                                                 "change_survey"]))
    make_poll(question="Date of the picnic?", about_health=False)
    make_poll(question="Fatigue this month?", about_health=True)
    open_survey(make_survey(title="Work and illness"))
    client.force_login(staff)
    page = client.get("/admin/polls/").content.decode()
    assert "Date of the picnic?" in page and "Fatigue this month?" in page
    filtered = client.get("/admin/polls/", {"about_health": "true"}).content.decode()
    assert "Fatigue this month?" in filtered and "Date of the picnic?" not in filtered
    searched = client.get("/admin/polls/", {"q": "picnic"}).content.decode()
    assert "Date of the picnic?" in searched and "Fatigue" not in searched
    assert "Work and illness" in client.get("/admin/surveys/").content.decode()
    for author in Poll.objects.values_list("owner__email", flat=True):
        assert author not in page  # no author's e-mail shown to moderators


def test_hook_stent_demo_data_polls_in_french_and_english(settings):
    from plugins.polls.demo import create_demo_content

    settings.STENT_DEMO_PASSWORD = "demo-password-123"
    create_demo_content(seed=1)
    create_demo_content(seed=1)  # idempotent
    assert Poll.objects.count() == 3 and Survey.objects.count() == 1
    questions = set(Poll.objects.values_list("question", flat=True))
    assert any("rencontre" in q for q in questions) and any("ministry" in q for q in questions)
    survey = Survey.objects.get()
    assert survey.response_count == survey.responses.filter(status="submitted").count() > 10
