"""Conditional display: which sections and questions a set of answers shows.

A condition is JSON: a leaf ``{"question": "<id>", "op": "equals"|"includes"|"gt", "value": v}``
or a combination ``{"all": [...]}`` / ``{"any": [...]}``. It may only look at questions asked
before the one it guards, so the shown set is computed in one pass, in answering order.
"""
from django.utils.translation import gettext as _

from core.errors import Invalid

OPERATORS = ("equals", "includes", "gt")
MAX_DEPTH = 5


def holds(condition, answers: dict) -> bool:
    """Whether ``condition`` (None: always) holds for ``answers`` (question id -> value)."""
    if condition is None:
        return True
    if "all" in condition:
        return all(holds(part, answers) for part in condition["all"])
    if "any" in condition:
        return any(holds(part, answers) for part in condition["any"])
    answer = answers.get(condition["question"])
    if answer is None:
        return False
    value, op = condition["value"], condition["op"]
    if op == "equals":
        return answer == value
    if op == "includes":
        return isinstance(answer, list) and value in answer
    return _is_number(answer) and _is_number(value) and answer > value


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def shown_questions(sections, questions, answers: dict) -> list:
    """The questions shown for ``answers``: those whose section and own condition hold.

    Answers to hidden questions are left out of the evaluation, as they are refused."""
    section_shown = {}
    effective = {}
    shown = []
    for question in questions:
        section = question.section
        if section.pk not in section_shown:
            section_shown[section.pk] = holds(section.condition, effective)
        if section_shown[section.pk] and holds(question.condition, effective):
            shown.append(question)
            key = str(question.pk)
            if key in answers:
                effective[key] = answers[key]
    return shown


def validate_condition(condition, earlier: dict, *, field="condition", depth=0):
    """Refuse a malformed condition, or one that looks at a question not asked before.

    ``earlier`` maps the ids of the questions asked before to their kind."""
    if condition is None:
        return None
    if depth > MAX_DEPTH or not isinstance(condition, dict):
        raise Invalid(field, _("A condition is an object: a rule, or \"all\"/\"any\" of rules."))
    for combination in ("all", "any"):
        if combination in condition:
            parts = condition[combination]
            if len(condition) != 1 or not isinstance(parts, list) or not parts:
                raise Invalid(field, _("\"%(key)s\" takes a non-empty list of conditions.")
                              % {"key": combination})
            return {combination: [validate_condition(part, earlier, field=field,
                                                     depth=depth + 1) for part in parts]}
    if set(condition) != {"question", "op", "value"}:
        raise Invalid(field, _("A rule has exactly the keys question, op and value."))
    if condition["op"] not in OPERATORS:
        raise Invalid(field, _("The operator is one of: %s.") % ", ".join(OPERATORS))
    if str(condition["question"]) not in earlier:
        raise Invalid(field, _("A condition can only look at a question asked before."))
    if condition["op"] == "gt" and not _is_number(condition["value"]):
        raise Invalid(field, _("\"gt\" compares with a number."))
    return {"question": str(condition["question"]), "op": condition["op"],
            "value": condition["value"]}
