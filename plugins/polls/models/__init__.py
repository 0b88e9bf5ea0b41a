"""The polls plugin's data: quick polls and their secret ballots, structured surveys and responses."""
from plugins.polls.models.polls import Ballot, Poll, PollOption, PollState, ResultsVisibility
from plugins.polls.models.surveys import (Question, QuestionKind, Response, ResponseStatus,
                                          ResultsAudience, Section, Survey, SurveyState)

__all__ = ["Ballot", "Poll", "PollOption", "PollState", "ResultsVisibility", "Question",
           "QuestionKind", "Response", "ResponseStatus", "ResultsAudience", "Section", "Survey",
           "SurveyState"]
