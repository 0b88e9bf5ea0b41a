"""The polls PrivacyHandler: a member's polls, ballots, surveys and responses.

Erasure keeps every total: option counts and the survey's response count are stored apart from
the ballots and responses, so a member's ballot goes and the counts stay; a submitted response
stays in the results, linked to no one and without its free text.
"""
from django.utils.translation import gettext_lazy as _

from core.privacy.handlers import PrivacyHandler
from plugins.polls.models import (Ballot, Poll, Question, QuestionKind, Response,
                                  ResponseStatus, Survey)

TEXT_KINDS = (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT)


def _when(value):
    return value.isoformat() if value else None


class PollsPrivacyHandler(PrivacyHandler):
    identifier = "polls"
    verbose_name = _("Polls and surveys")
    description = _("The polls and surveys you created, your votes and your survey answers. "
                    "Erasure keeps the counts: your votes and submitted answers stay counted, "
                    "linked to no one, without what you wrote in your own words.")
    models = (Poll, Ballot, Survey, Response)

    def export(self, member) -> dict:
        return {
            "polls": [
                {"id": str(poll.pk), "question": poll.question, "details": poll.details,
                 "options": [option.label for option in poll.options.all()],
                 "audience": poll.audience, "created_at": _when(poll.created_at)}
                for poll in Poll.objects.filter(owner=member).prefetch_related("options")
            ],
            "votes": [
                {"poll": str(ballot.poll_id), "question": ballot.poll.question,
                 "choices": [option.label for option in ballot.options.all()],
                 "voted_at": _when(ballot.created_at)}
                for ballot in Ballot.objects.filter(owner=member).select_related("poll")
                .prefetch_related("options")
            ],
            "surveys": [
                {"id": str(survey.pk), "title": survey.title,
                 "introduction": survey.introduction, "created_at": _when(survey.created_at)}
                for survey in Survey.objects.filter(owner=member)
            ],
            "responses": [
                {"survey": str(response.survey_id), "title": response.survey.title,
                 "status": response.status, "answers": response.answers,
                 "submitted_at": _when(response.submitted_at)}
                for response in Response.objects.filter(owner=member).select_related("survey")
            ],
        }

    def erase(self, member) -> None:
        Ballot.objects.filter(owner=member).delete()  # the option counts stay as they are
        Response.objects.filter(owner=member, status=ResponseStatus.DRAFT).delete()
        text_questions = {str(pk) for pk in Question.objects.filter(
            kind__in=TEXT_KINDS, survey__responses__owner=member).values_list("pk", flat=True)}
        for response in Response.objects.filter(owner=member):
            response.answers = {key: value for key, value in response.answers.items()
                                if key not in text_questions}
            response.owner = None
            response.save(update_fields=["answers", "owner", "updated_at"])
        # What the member wrote goes with them; the votes and answers others gave go too.
        Poll.objects.filter(owner=member).delete()
        Survey.objects.filter(owner=member).delete()
