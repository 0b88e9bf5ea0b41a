"""No one learns how a member voted or answered: each member plants a unique answer, then every
polls endpoint (and search, notifications, the member's own export) is crawled as each kind of
viewer, looking for the voters' handles, e-mails, ballot and response ids and planted answers."""
import uuid

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.utils import timezone

from core.privacy.audiences import Audience
from plugins.polls.models import Ballot, Poll, Response
from plugins.polls.services.periodic import announce_closed_polls
from plugins.polls.services.responses import submit
from plugins.polls.services.voting import vote
from tests.factories import UserFactory
from tests.plugins.polls.conftest import client_for
from tests.plugins.polls.factories import SINGLE, make_poll, make_survey, open_survey

pytestmark = pytest.mark.django_db

VOTERS = 12


@pytest.fixture
def planted(settings):
    author = UserFactory()
    voters = [UserFactory() for _ in range(VOTERS)]
    options = [f"option {n}" for n in range(VOTERS)]
    polls = [make_poll(author, options=options, audience=Audience.PUBLIC,
                       results_visibility="always", allow_change=allow, question=question)
             for allow, question in [(True, "Planted open poll"), (False, "Planted closed poll")]]
    for poll in polls:
        ids = list(poll.options.order_by("position").values_list("pk", flat=True))
        for voter, option in zip(voters, ids):  # each voter chose an option no one else did
            vote(poll, voter, [option])
    Poll.objects.filter(pk=polls[1].pk).update(closed_at=timezone.now())
    survey = make_survey(author, audience=Audience.PUBLIC, results_audience="public",
                         questions=[SINGLE, {"kind": "short_text", "text": "Your words"}])
    open_survey(survey)
    work, words = survey.questions.order_by("position")
    secrets = {}
    for voter in voters:
        secret = f"planted-{uuid.uuid4().hex}"
        secrets[voter.pk] = secret
        submit(survey, voter, {str(work.pk): "yes", str(words.pk): secret})
    announce_closed_polls()
    call_command("update_index", stdout=open("/dev/null", "w"))
    return author, voters, polls, survey, secrets


def viewers(author):
    moderator = UserFactory(is_staff=True)
    moderator.user_permissions.add(Permission.objects.get(codename="moderate"))
    superuser = UserFactory(is_staff=True, is_superuser=True)
    return {"anonymous": None, "member": UserFactory(), "author": author,
            "moderator": moderator, "superuser": superuser}


def polls_get_urls(polls, survey):
    """Every GET operation of the plugin in the OpenAPI schema, filled with the planted ids."""
    schema = client_for().get("/api/v1/schema/?format=json").json()
    question = survey.questions.first()
    section = survey.sections.first()
    urls = []
    for path, operations in schema["paths"].items():
        if not path.startswith("/api/v1/polls/") or "get" not in operations:
            continue
        targets = polls if "/polls/polls/{" in path else [survey]
        for target in targets:
            part = question if "/questions/" in path else section
            url = path.replace("{survey}", str(target.pk))
            url = url.replace("{id}", str(part.pk) if "{survey}" in path else str(target.pk))
            urls.append(url)
    return urls


def variants(url):
    if url.endswith("/export/"):
        return ({}, {"format": "csv"}, {"format": "csv", "part": "responses"})
    if url.endswith("/results/"):
        return ({}, {"by": "kind"})
    return ({},)


def bodies(client, urls):
    for url in urls:
        for params in variants(url):
            response = client.get(url, params)
            assert response.status_code < 500, url
            yield url, response.content.decode()


def test_no_one_but_the_voter_learns_how_a_member_voted_or_answered(planted):
    author, voters, polls, survey, secrets = planted
    urls = polls_get_urls(polls, survey)
    assert any(url.endswith("/vote/") for url in urls)
    assert any(url.endswith("/export/") for url in urls)
    extra = ["/api/v1/search/?q=planted", "/api/v1/search/?q=option",
             "/api/v1/me/notifications/", "/api/v1/me/export/"]
    ballots = {v.pk: [str(b) for b in Ballot.objects.filter(owner=v).values_list("pk", flat=True)]
               for v in voters}
    responses = {v.pk: str(Response.objects.get(owner=v).pk) for v in voters}
    for kind, viewer in viewers(author).items():
        client = client_for(viewer)
        for url, body in bodies(client, urls + extra):
            for voter in voters:
                assert voter.profile.handle not in body, (kind, url)
                assert voter.email not in body, (kind, url)
                assert responses[voter.pk] not in body, (kind, url)
                assert not any(ballot in body for ballot in ballots[voter.pk]), (kind, url)
                manager_view = kind in ("author", "superuser") and (
                    "/export/" in url or "/results/" in url)
                if not manager_view:
                    # Free text reaches the managers only, in results and exports, where
                    # the checks above show it carries no identity.
                    assert secrets[voter.pk] not in body, (kind, url)


def test_the_voter_alone_sees_their_own_vote_and_answers(planted):
    author, voters, polls, survey, secrets = planted
    voter, other = voters[0], voters[1]
    mine = client_for(voter).get(f"/api/v1/polls/polls/{polls[0].pk}/vote/").json()
    assert mine["options"] == [str(polls[0].options.get(position=0).pk)]
    url = f"/api/v1/polls/surveys/{survey.pk}/responses/mine/"
    assert secrets[voter.pk] in str(client_for(voter).get(url).json())
    assert secrets[voter.pk] not in str(client_for(other).get(url).json())
    assert client_for(author).get(url).json()["response"] is None
