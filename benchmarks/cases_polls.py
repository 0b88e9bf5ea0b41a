"""Benchmark cases of the polls plugin: the polls list, and a survey's results."""
from benchmarks.cases import Case


def seed_polls(viewer, rows):
    """Polls of every audience, open and closed, three options each, half voted by the viewer."""
    from datetime import timedelta

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from core.privacy.audiences import Audience
    from plugins.polls.models import Ballot, Poll, PollOption

    author = get_user_model().objects.create_user(email="bench-pollster@stent.example",
                                                  password="x")
    audiences = [Audience.PUBLIC, Audience.MEMBERS, Audience.PUBLIC, Audience.PRIVATE]
    now = timezone.now()
    polls = Poll.objects.bulk_create(
        Poll(owner=author, audience=audiences[i % 4], question=f"Which date suits meeting {i}?",
             details="The association meets once a month. " * 4, opens_at=now - timedelta(days=1),
             closes_at=now + timedelta(days=(i % 3) - 1 or 7))
        for i in range(rows))
    options = PollOption.objects.bulk_create(
        PollOption(poll=poll, position=k, label=f"Option {k}")
        for poll in polls for k in range(3))
    for n, poll in enumerate(polls):  # as create_poll does
        poll.list_options(options[3 * n:3 * n + 3])
    Poll.objects.bulk_update(polls, ["listed_options"])
    ballots = Ballot.objects.bulk_create(
        Ballot(poll=poll, owner=viewer, audience=Audience.PRIVATE) for poll in polls[::2])
    Ballot.options.through.objects.bulk_create(
        Ballot.options.through(ballot=ballot, polloption=options[3 * (2 * n)])
        for n, ballot in enumerate(ballots))


SURVEY_RESULTS = Case(
    name="survey results", endpoint="", model_label="polls.Survey", ordering=("-created_at",),
    fields=("id", "title", "response_count"), seed=None,
    viewers=("token",))  # the survey's manager only


def seed_survey_results(viewer, rows):
    """One survey the viewer manages, answered ``rows`` times (single choice, scale, matrix)."""
    import random

    from django.utils import timezone

    from core.privacy.audiences import Audience
    from plugins.polls.models import Response, Survey
    from plugins.polls.services import building

    survey = Survey.objects.create(owner=viewer, title="Bench survey", audience=Audience.MEMBERS,
                                   consent_purpose="")
    section = building.add_section(survey, title="All")
    work = building.add_question(survey, section=section, kind="single", text="Work?",
                                 choices=["yes", "no", "sometimes"])
    tired = building.add_question(survey, section=section, kind="scale", text="Fatigue",
                                  scale_min=0, scale_max=10)
    rate = building.add_question(survey, section=section, kind="matrix", text="Rate",
                                 rows=["sleep", "pain", "mood"], scale_min=1, scale_max=5)
    rng = random.Random(1)
    Response.objects.bulk_create(
        Response(survey=survey, owner=None, audience=Audience.PRIVATE, status="submitted",
                 submitted_at=timezone.now(), answers={
                     str(work.pk): rng.choice(["yes", "no", "sometimes"]),
                     str(tired.pk): rng.randint(0, 10),
                     str(rate.pk): {row: rng.randint(1, 5) for row in ("sleep", "pain", "mood")}})
        for _ in range(rows))
    Survey.objects.filter(pk=survey.pk).update(published_at=timezone.now(), response_count=rows)
    # The survey's id is known only once seeded: the runner reads the endpoint afterwards.
    SURVEY_RESULTS.endpoint = f"/api/v1/polls/surveys/{survey.pk}/results/"


SURVEY_RESULTS.seed = seed_survey_results

CASES = [
    # The raw view reads the stored columns the list returns (the options too: they are kept
    # on the poll's row, ``listed_options``); the list adds the reader's state and whether
    # they voted.
    Case(name="polls", endpoint="/api/v1/polls/polls/", model_label="polls.Poll",
         ordering=("-created_at",),
         fields=("id", "question", "details", "audience", "community__slug",
                 "owner__profile__handle", "multiple", "max_choices", "opens_at", "closes_at",
                 "closed_at", "results_visibility", "allow_change", "secret_ballot",
                 "about_health", "created_at", "listed_options"),
         seed=seed_polls),
    # Not a list: the results of N responses, against a raw read of the survey's row.
    SURVEY_RESULTS,
]
