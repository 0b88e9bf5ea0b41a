"""Open ballots: chosen by the author at creation, they show who chose what to those who may see
the results (through the audience rule); the default stays a secret ballot."""
import pytest

from core.moderation.services import block
from plugins.polls.models import Ballot, Poll
from plugins.polls.services.voting import vote
from tests.factories import UserFactory
from tests.plugins.polls.conftest import client_for
from tests.plugins.polls.factories import make_poll, option_ids

pytestmark = pytest.mark.django_db

URL = "/api/v1/polls/polls/"


def handle(user):
    return user.profile.handle


def test_a_poll_is_a_secret_ballot_unless_its_author_opens_it():
    author = UserFactory()
    created = client_for(author).post(URL, {"question": "Where shall we meet?",
                                            "options": ["Lyon", "Lille"]}, format="json")
    assert created.status_code == 201, created.content
    assert created.json()["secret_ballot"] is True
    opened = client_for(author).post(URL, {"question": "Who comes on Saturday?",
                                           "options": ["Yes", "No"], "secret_ballot": False},
                                     format="json")
    assert opened.status_code == 201, opened.content
    assert opened.json()["secret_ballot"] is False
    listed = {row["id"]: row["secret_ballot"]
              for row in client_for(UserFactory()).get(URL).json()["results"]}
    assert listed == {created.json()["id"]: True, opened.json()["id"]: False}


def test_secret_ballot_results_name_no_one():
    poll = make_poll(results_visibility="always", audience="public")
    voter = UserFactory()
    vote(poll, voter, option_ids(poll)[:1])
    body = client_for(poll.owner).get(f"{URL}{poll.pk}/results/").json()
    assert [row["voters"] for row in body["options"]] == [None, None, None]
    assert handle(voter) not in str(body)
    assert Ballot.objects.get(owner=voter).audience == "private"


def test_open_ballot_results_show_who_chose_each_option_to_those_allowed():
    poll = make_poll(results_visibility="always", audience="members", secret_ballot=False)
    first, second, third = option_ids(poll)
    ana, ben, cleo = UserFactory(), UserFactory(), UserFactory()
    vote(poll, ana, [first])
    vote(poll, ben, [first])
    vote(poll, cleo, [second])
    body = client_for(UserFactory()).get(f"{URL}{poll.pk}/results/").json()
    assert [row["voters"] for row in body["options"]] == [[handle(ana), handle(ben)],
                                                           [handle(cleo)], []]
    assert [row["votes"] for row in body["options"]] == [2, 1, 0]
    # Anonymous visitors do not reach a members' poll, nor its voters.
    assert client_for().get(f"{URL}{poll.pk}/results/").status_code == 404


def test_a_block_hides_the_voter_in_an_open_ballot():
    poll = make_poll(results_visibility="always", audience="members", secret_ballot=False)
    voter, viewer = UserFactory(), UserFactory()
    vote(poll, voter, option_ids(poll)[:1])
    block(voter, viewer)
    body = client_for(viewer).get(f"{URL}{poll.pk}/results/").json()
    assert body["options"][0]["votes"] == 1
    assert body["options"][0]["voters"] == []


def test_open_ballot_names_follow_the_results_rule():
    poll = make_poll(results_visibility="after_close", audience="members", secret_ballot=False)
    voter = UserFactory()
    vote(poll, voter, option_ids(poll)[:1])
    refused = client_for(UserFactory()).get(f"{URL}{poll.pk}/results/")
    assert refused.status_code == 403
    assert handle(voter) not in refused.content.decode()


def test_a_poll_about_health_cannot_be_an_open_ballot():
    author = UserFactory()
    response = client_for(author).post(URL, {"question": "Is your pain worse?",
                                             "options": ["Yes", "No"], "about_health": True,
                                             "secret_ballot": False}, format="json")
    assert response.status_code == 400
    assert "secret_ballot" in str(response.json())
    assert not Poll.objects.filter(owner=author).exists()
