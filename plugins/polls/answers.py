"""What a valid answer to each kind of question is, and the check of a whole set of answers.

Errors are keyed ``answers.<question id>``; a set with any error is refused whole, so nothing
is stored half-checked.
"""
import datetime

from django.utils.translation import gettext as _

from core.errors import Invalid
from plugins.polls.conditions import shown_questions
from plugins.polls.models import QuestionKind as Kind

SHORT_TEXT_MAX = 200
LONG_TEXT_MAX = 5000


def _is_integer(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _on_scale(question, value) -> bool:
    return _is_integer(value) and question.scale_min <= value <= question.scale_max


def answer_error(question, value):
    """The message explaining why ``value`` does not answer ``question``, or None."""
    kind = question.kind
    if kind == Kind.SINGLE:
        if value not in question.choices:
            return _("Choose one of the options.")
    elif kind == Kind.MULTIPLE:
        if not isinstance(value, list) or not value or any(v not in question.choices
                                                           for v in value):
            return _("Choose one or more of the options.")
        if len(set(value)) != len(value):
            return _("An option is chosen twice.")
        if question.max_choices and len(value) > question.max_choices:
            return _("Choose at most %(count)s options.") % {"count": question.max_choices}
    elif kind == Kind.SCALE:
        if not _on_scale(question, value):
            return _("Give a whole number from %(min)s to %(max)s.") % {
                "min": question.scale_min, "max": question.scale_max}
    elif kind == Kind.NUMBER:
        if not _is_number(value):
            return _("Give a number.")
        if ((question.number_min is not None and value < question.number_min)
                or (question.number_max is not None and value > question.number_max)):
            return _("Give a number from %(min)s to %(max)s.") % {
                "min": question.number_min, "max": question.number_max}
    elif kind == Kind.DATE:
        try:
            datetime.date.fromisoformat(value)
        except (TypeError, ValueError):
            return _("Give a date as YYYY-MM-DD.")
    elif kind in (Kind.SHORT_TEXT, Kind.LONG_TEXT):
        limit = SHORT_TEXT_MAX if kind == Kind.SHORT_TEXT else LONG_TEXT_MAX
        if not isinstance(value, str) or not value.strip():
            return _("Write an answer.")
        if len(value) > limit:
            return _("Write at most %(count)s characters.") % {"count": limit}
    elif kind == Kind.MATRIX:
        if (not isinstance(value, dict) or set(value) != set(question.rows)
                or not all(_on_scale(question, v) for v in value.values())):
            return _("Rate every row from %(min)s to %(max)s.") % {
                "min": question.scale_min, "max": question.scale_max}
    elif kind == Kind.RANKING:
        if not isinstance(value, list) or sorted(map(str, value)) != sorted(question.choices) \
                or len(value) != len(question.choices):
            return _("Put every option in order, each once.")
    return None


def check_answers(sections, questions, answers, *, complete: bool) -> dict:
    """The answers, checked: every key a shown question, every value valid, and when
    ``complete`` every required shown question answered. Raises Invalid otherwise."""
    if not isinstance(answers, dict):
        raise Invalid("answers", _("Answers are an object: question id -> answer."))
    answers = {str(key): value for key, value in answers.items() if value is not None}
    shown = shown_questions(sections, questions, answers)
    shown_ids = {str(question.pk) for question in shown}
    known_ids = {str(question.pk) for question in questions}
    errors = {}
    for key in answers:
        if key not in known_ids:
            errors[f"answers.{key}"] = [_("This survey has no such question.")]
        elif key not in shown_ids:
            errors[f"answers.{key}"] = [_("This question is not asked given your earlier "
                                          "answers.")]
    for question in shown:
        key = str(question.pk)
        if key in answers:
            message = answer_error(question, answers[key])
            if message:
                errors[f"answers.{key}"] = [message]
        elif complete and question.required:
            errors[f"answers.{key}"] = [_("This question needs an answer.")]
    if errors:
        raise Invalid(errors)
    return answers


def progress(sections, questions, answers) -> dict:
    """How far a draft is: answered shown questions out of shown questions."""
    shown = shown_questions(sections, questions, answers)
    answered = sum(1 for question in shown if str(question.pk) in answers)
    return {"answered": answered, "shown": len(shown),
            "required_left": sum(1 for q in shown if q.required and str(q.pk) not in answers)}
