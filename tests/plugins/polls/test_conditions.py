"""Conditional display: a 3-section survey with nested conditions accepts exactly the answer
sets its rules allow, checked on every combination of a generated domain."""
import itertools

import pytest

from core.errors import Invalid
from plugins.polls.answers import check_answers
from plugins.polls.queries import questions_of, sections_of
from plugins.polls.services import building
from tests.plugins.polls.factories import make_survey

pytestmark = pytest.mark.django_db

ABSENT = object()


@pytest.fixture
def survey():
    survey = make_survey()
    a = building.add_section(survey, title="About you")
    q1 = building.add_question(survey, section=a, kind="single", text="Do you work?",
                               choices=["yes", "no"], required=True)
    q2 = building.add_question(survey, section=a, kind="scale", text="Fatigue",
                               scale_min=0, scale_max=10)
    q3 = building.add_question(survey, section=a, kind="multiple", text="Symptoms",
                               choices=["pain", "fatigue", "sleep"])
    b = building.add_section(survey, title="Work", condition={"any": [
        {"question": str(q1.pk), "op": "equals", "value": "yes"},
        {"question": str(q2.pk), "op": "gt", "value": 5}]})
    q4 = building.add_question(survey, section=b, kind="number", text="Hours a week",
                               number_min=0, number_max=100, required=True)
    q5 = building.add_question(survey, section=b, kind="single", text="Adjusted desk?",
                               choices=["a", "b"], required=True, condition={"all": [
                                   {"question": str(q3.pk), "op": "includes", "value": "pain"},
                                   {"question": str(q4.pk), "op": "gt", "value": 10}]})
    c = building.add_section(survey, title="Home", condition={"all": [
        {"question": str(q1.pk), "op": "equals", "value": "no"},
        {"any": [{"question": str(q3.pk), "op": "includes", "value": "fatigue"},
                 {"question": str(q2.pk), "op": "gt", "value": 7}]}]})
    q6 = building.add_question(survey, section=c, kind="short_text", text="What helps?",
                               required=True)
    q7 = building.add_question(survey, section=c, kind="scale", text="Support at home",
                               scale_min=1, scale_max=5,
                               condition={"question": str(q5.pk), "op": "equals", "value": "a"})
    return survey, [q1, q2, q3, q4, q5, q6, q7]


DOMAINS = [
    [ABSENT, "yes", "no", "maybe"],           # q1 ("maybe" is no option)
    [ABSENT, 3, 8, 11],                        # q2 (11 is off the scale)
    [ABSENT, ["pain"], ["fatigue"], ["pain", "fatigue"]],  # q3
    [ABSENT, 5, 50],                           # q4
    [ABSENT, "a"],                             # q5
    [ABSENT, "tired"],                         # q6
    [ABSENT, 2],                               # q7
]


def expected(values, *, complete):
    """The rules of the fixture, written out independently of the code under test."""
    q1, q2, q3, q4, q5, q6, q7 = values

    def given(value):
        return value is not ABSENT

    valid = {0: q1 in ("yes", "no"), 1: not given(q2) or 0 <= q2 <= 10}
    if not all(valid[i] for i in valid if given(values[i])):
        return False
    shown_b = q1 == "yes" or (given(q2) and q2 > 5)
    shown_q5 = shown_b and given(q3) and "pain" in q3 and given(q4) and q4 > 10
    shown_c = q1 == "no" and ((given(q3) and "fatigue" in q3) or (given(q2) and q2 > 7))
    shown_q7 = shown_c and shown_q5 and q5 == "a"  # q5 is never shown together with C
    shown = [True, True, True, shown_b, shown_q5, shown_c, shown_q7]
    if any(given(value) and not visible for value, visible in zip(values, shown)):
        return False
    if complete:
        required = [True, False, False, True, True, True, False]
        if any(req and visible and not given(value)
               for req, visible, value in zip(required, shown, values)):
            return False
    return True


@pytest.mark.parametrize("complete", [True, False])
def test_exactly_the_answer_sets_the_rules_allow_are_accepted(survey, complete):
    survey, questions = survey
    sections, ordered = sections_of(survey), questions_of(survey)
    accepted = refused = 0
    for values in itertools.product(*DOMAINS):
        answers = {str(q.pk): v for q, v in zip(questions, values) if v is not ABSENT}
        try:
            check_answers(sections, ordered, answers, complete=complete)
            outcome = True
        except Invalid:
            outcome = False
        assert outcome == expected(values, complete=complete), values
        accepted += outcome
        refused += not outcome
    assert accepted > 20 and refused > 20  # the domain exercises both sides


def test_a_condition_may_only_look_at_earlier_questions(survey):
    survey, questions = survey
    section = questions[0].section
    with pytest.raises(Invalid):
        building.update_section(section, condition={
            "question": str(questions[3].pk), "op": "equals", "value": "yes"})
    with pytest.raises(Invalid):
        building.add_question(survey, section=section, kind="single", text="Later?",
                              choices=["x", "y"], condition={"question": "nonsense",
                                                             "op": "equals", "value": 1})
    with pytest.raises(Invalid):
        building.add_question(survey, section=section, kind="single", text="Bad op",
                              choices=["x", "y"], condition={
                                  "question": str(questions[0].pk), "op": "like", "value": 1})


def test_a_question_a_condition_looks_at_cannot_be_deleted(survey):
    from core.errors import Conflict

    survey, questions = survey
    with pytest.raises(Conflict):
        building.delete_question(questions[0])
    building.delete_question(questions[6])
