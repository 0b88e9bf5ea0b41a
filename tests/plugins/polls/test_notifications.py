"""Who hears of what: the author when their poll closes, members with a draft before closing."""
from datetime import timedelta

import pytest
from django.utils import timezone

from core.notifications.models import Notification
from plugins.polls.models import Poll, Response, Survey
from plugins.polls.services.periodic import announce_closed_polls, remind_drafts
from plugins.polls.services.responses import save_draft, submit
from tests.factories import UserFactory
from tests.plugins.polls.factories import SINGLE, make_poll, make_survey, open_survey

pytestmark = pytest.mark.django_db(transaction=True)


def test_hook_stent_notification_kinds_declares_the_polls_kinds():
    from core.notifications.kinds import all_kinds

    assert {"polls.poll_closed", "polls.survey_reminder"} <= set(all_kinds())


def test_the_author_hears_once_that_their_poll_closed_in_their_language():
    author = UserFactory()
    author.profile.language = "fr"
    author.profile.save()
    poll = make_poll(author, question="Date du pique-nique ?")
    assert announce_closed_polls() == 0
    Poll.objects.filter(pk=poll.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    assert announce_closed_polls() == 1
    assert announce_closed_polls() == 0
    notification = Notification.objects.get(recipient=author)
    assert notification.kind == "polls.poll_closed"
    assert "Date du pique-nique ?" in notification.title
    assert notification.url == f"/api/v1/polls/polls/{poll.pk}/"


def test_members_with_a_draft_get_one_reminder_before_closing(settings):
    settings.POLLS_REMINDER_HOURS = 48
    survey = open_survey(make_survey(questions=[SINGLE],
                                     closes_at=timezone.now() + timedelta(days=5)))
    question = str(survey.questions.get().pk)
    hesitant, done = UserFactory(), UserFactory()
    save_draft(survey, hesitant, {})
    submit(survey, done, {question: "yes"})
    assert remind_drafts() == 0  # five days left: not yet
    Survey.objects.filter(pk=survey.pk).update(closes_at=timezone.now() + timedelta(hours=20))
    assert remind_drafts() == 1
    assert remind_drafts() == 0
    notified = Notification.objects.filter(kind="polls.survey_reminder")
    assert [n.recipient_id for n in notified] == [hesitant.pk]
    assert Response.objects.get(owner=hesitant).reminded_at is not None
