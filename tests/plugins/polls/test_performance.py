"""Every list endpoint runs a fixed number of queries, whatever the page size."""
import pytest

from plugins.polls.services.voting import vote
from tests.factories import UserFactory
from tests.plugins.polls.conftest import client_for
from tests.plugins.polls.factories import SINGLE, make_poll, make_survey, open_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def crowd():
    author = UserFactory()
    voter = UserFactory()
    for _ in range(51):
        poll = make_poll(author)
        vote(poll, voter, [poll.options.first().pk])
        open_survey(make_survey(author))
    return author, voter


LISTS = [
    ("/api/v1/polls/polls/", 1),    # the polls with their options and whether the viewer voted
    ("/api/v1/polls/surveys/", 1),  # the surveys
]


def test_list_queries_do_not_grow_with_the_page(crowd, django_assert_num_queries):
    from plugins.polls.models import Poll, Survey

    author, voter = crowd
    Poll.objects.update(audience="public")
    Survey.objects.update(audience="public")
    for user in (None, UserFactory(), voter):
        client = client_for(user)
        for path, queries in LISTS:
            for size in (1, 50):
                with django_assert_num_queries(queries):
                    response = client.get(path, {"page_size": size})
                assert response.status_code == 200
                assert len(response.json()["results"]) == size


def test_survey_results_take_a_fixed_number_of_queries(django_assert_num_queries):
    from plugins.polls.services.responses import submit

    survey = open_survey(make_survey(questions=[SINGLE, SINGLE | {"text": "Again?"}]))
    first, second = survey.questions.order_by("position")
    counts = []
    for respondents in (10, 40):
        while survey.responses.count() < respondents:
            submit(survey, UserFactory(), {str(first.pk): "yes", str(second.pk): "no"})
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            response = client_for(survey.owner).get(
                f"/api/v1/polls/surveys/{survey.pk}/results/", {"by": "kind"})
        assert response.status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]


def test_a_created_poll_is_listed_with_its_options_in_order():
    # The list reads the options kept in the poll's row: create_poll writes them.
    author = UserFactory()
    poll = make_poll(author, options=("Sunday", "Monday", "Friday"), audience="public")
    listed = client_for(None).get("/api/v1/polls/polls/").json()["results"]
    detail = client_for(None).get(f"/api/v1/polls/polls/{poll.pk}/").json()
    assert [row["options"] for row in listed] == [detail["options"]]
    assert [option["label"] for option in detail["options"]] == ["Sunday", "Monday", "Friday"]
