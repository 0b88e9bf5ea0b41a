"""Building a survey: sections and typed questions, with conditions checked against earlier ones.

The structure can change only while the survey is a draft: answers refer to its questions'
options, so once members answer, only the results' publication can still change.
"""
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from core.errors import Conflict, Invalid
from plugins.polls.conditions import validate_condition
from plugins.polls.models import Question, QuestionKind as Kind, Section, SurveyState
from plugins.polls.queries import questions_of

MAX_CHOICES = 50
MAX_ROWS = 30
SCALE_STARTS = (0, 1)
SCALE_LONGEST = 10


def require_draft(survey):
    if survey.state != SurveyState.DRAFT:
        raise Conflict(_("Only a draft survey's questions can be changed."))


def _distinct_labels(values, field, *, least: int, most: int):
    if not isinstance(values, list) or not least <= len(values) <= most:
        raise Invalid(field, _("Give between %(min)s and %(max)s entries.")
                      % {"min": least, "max": most})
    labels = [str(value).strip() for value in values]
    if any(not label or len(label) > 200 for label in labels):
        raise Invalid(field, _("Each entry has 1 to 200 characters."))
    if len(set(labels)) != len(labels):
        raise Invalid(field, _("Two entries are the same."))
    return labels


def _check_scale(fields):
    low, high = fields.get("scale_min"), fields.get("scale_max")
    if low not in SCALE_STARTS or not isinstance(high, int) or not low < high <= SCALE_LONGEST:
        raise Invalid("scale_max", _("A scale runs from 0 or 1 up to at most 10."))


def clean_question(fields: dict) -> dict:
    """Keep the settings the kind uses, checked; clear the others."""
    kind = fields["kind"]
    cleaned = {"choices": [], "max_choices": None, "rows": [], "scale_min": None,
               "scale_max": None, "min_label": "", "max_label": "", "number_min": None,
               "number_max": None, "unit": ""}
    cleaned.update({name: fields.get(name) for name in ("kind", "text", "help_text",
                                                         "required")})
    cleaned["help_text"] = cleaned["help_text"] or ""
    cleaned["required"] = bool(cleaned["required"])
    if kind in (Kind.SINGLE, Kind.MULTIPLE, Kind.RANKING):
        cleaned["choices"] = _distinct_labels(fields.get("choices"), "choices", least=2,
                                              most=MAX_CHOICES)
    if kind == Kind.MULTIPLE and fields.get("max_choices") is not None:
        if not 1 <= fields["max_choices"] <= len(cleaned["choices"]):
            raise Invalid("max_choices", _("At most as many as there are options."))
        cleaned["max_choices"] = fields["max_choices"]
    if kind in (Kind.SCALE, Kind.MATRIX):
        _check_scale(fields)
        cleaned.update(scale_min=fields["scale_min"], scale_max=fields["scale_max"],
                       min_label=fields.get("min_label") or "",
                       max_label=fields.get("max_label") or "")
    if kind == Kind.MATRIX:
        cleaned["rows"] = _distinct_labels(fields.get("rows"), "rows", least=1, most=MAX_ROWS)
    if kind == Kind.NUMBER:
        low, high = fields.get("number_min"), fields.get("number_max")
        if low is not None and high is not None and low > high:
            raise Invalid("number_max", _("The largest number cannot be below the smallest."))
        cleaned.update(number_min=low, number_max=high, unit=fields.get("unit") or "")
    return cleaned


def _earlier_kinds(survey, *, before_section, before_position=None) -> dict:
    """Kinds of the questions asked before a point of the survey, by id."""
    earlier = {}
    for question in questions_of(survey):
        position = (question.section.position, question.position)
        limit = (before_section.position, before_position if before_position is not None else -1)
        if position < limit:
            earlier[str(question.pk)] = question.kind
    return earlier


def _next_position(queryset) -> int:
    highest = queryset.aggregate(highest=Max("position"))["highest"]
    return 0 if highest is None else highest + 1


@transaction.atomic
def add_section(survey, *, title, description="", condition=None) -> Section:
    require_draft(survey)
    section = Section(survey=survey, title=title, description=description,
                      position=_next_position(survey.sections))
    section.condition = validate_condition(
        condition, _earlier_kinds(survey, before_section=section))
    section.save()
    return section


@transaction.atomic
def update_section(section, **fields) -> Section:
    require_draft(section.survey)
    for name in ("title", "description"):
        if name in fields:
            setattr(section, name, fields[name])
    if "condition" in fields:
        section.condition = validate_condition(
            fields["condition"], _earlier_kinds(section.survey, before_section=section))
    section.save()
    return section


def _referenced(survey, question_ids) -> bool:
    ids = {str(pk) for pk in question_ids}

    def looks_at(condition):
        if not condition:
            return False
        parts = condition.get("all") or condition.get("any")
        if parts:
            return any(looks_at(part) for part in parts)
        return condition.get("question") in ids

    return any(looks_at(item.condition) for item in [*survey.sections.all(),
                                                     *survey.questions.all()])


@transaction.atomic
def delete_section(section) -> None:
    require_draft(section.survey)
    if _referenced(section.survey, section.questions.values_list("pk", flat=True)):
        raise Conflict(_("A condition looks at a question of this section: change it first."))
    section.delete()


@transaction.atomic
def add_question(survey, *, section, condition=None, **fields) -> Question:
    require_draft(survey)
    if section.survey_id != survey.pk:
        raise Invalid("section", _("Choose a section of this survey."))
    question = Question(survey=survey, section=section, **clean_question(fields),
                        position=_next_position(section.questions))
    question.condition = validate_condition(condition, _earlier_kinds(
        survey, before_section=section, before_position=question.position))
    question.save()
    return question


@transaction.atomic
def update_question(question, **fields) -> Question:
    """The results' publication can change at any time; the rest only in a draft."""
    if set(fields) - {"published"}:
        require_draft(question.survey)
        merged = {name: fields.get(name, getattr(question, name)) for name in (
            "kind", "text", "help_text", "required", "choices", "max_choices", "rows",
            "scale_min", "scale_max", "min_label", "max_label", "number_min", "number_max",
            "unit")}
        for name, value in clean_question(merged).items():
            setattr(question, name, value)
        if "condition" in fields:
            question.condition = validate_condition(fields["condition"], _earlier_kinds(
                question.survey, before_section=question.section,
                before_position=question.position))
    if "published" in fields:
        question.published = fields["published"]
    question.save()
    return question


@transaction.atomic
def delete_question(question) -> None:
    require_draft(question.survey)
    if _referenced(question.survey, [question.pk]):
        raise Conflict(_("A condition looks at this question: change it first."))
    question.delete()
