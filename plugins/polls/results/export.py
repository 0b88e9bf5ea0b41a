"""The managers' export: aggregated results and response rows under random respondent keys.

Rows carry no handle, e-mail or profile field, come sorted by their random key (the order of
arrival could point to someone), and the export refuses a survey with fewer respondents than
the minimum group size.
"""
from django.utils.translation import gettext as _

from core.errors import Conflict
from plugins.polls.models import QuestionKind as Kind, Response, ResponseStatus
from plugins.polls.queries import questions_of
from plugins.polls.results.surveys import survey_results


def check_exportable(survey) -> None:
    from core.privacy.statistics import min_group_size

    minimum = min_group_size()
    if survey.response_count < minimum:
        raise Conflict(_("The export opens once at least %(count)s members have responded.")
                       % {"count": minimum})


def _columns(question):
    """(column name, how to read it from an answer) for one question."""
    if question.kind == Kind.MATRIX:
        return [(f"{question.text} / {row}", lambda value, row=row: value.get(row))
                for row in question.rows]
    if question.kind == Kind.MULTIPLE:
        return [(question.text, lambda value: "; ".join(value))]
    if question.kind == Kind.RANKING:
        return [(question.text, lambda value: " > ".join(value))]
    return [(question.text, lambda value: value)]


def response_rows(survey) -> tuple[list[str], list[list]]:
    """The header and one row per respondent: their random key, then each answer."""
    questions = questions_of(survey)
    header, readers = ["respondent"], []
    for question in questions:
        for name, read in _columns(question):
            header.append(name)
            readers.append((str(question.pk), read))
    rows = []
    for key, answers in (Response.objects.filter(survey=survey, status=ResponseStatus.SUBMITTED)
                         .order_by("respondent_key").values_list("respondent_key", "answers")):
        rows.append([key] + [read(answers[qid]) if qid in answers else None
                             for qid, read in readers])
    return header, rows


def export_data(survey) -> dict:
    check_exportable(survey)
    header, rows = response_rows(survey)
    return {"survey": {"id": str(survey.pk), "title": survey.title, "state": survey.state},
            "results": survey_results(survey, for_manager=True),
            "responses": {"columns": header, "rows": rows}}


def results_rows(results) -> list[list]:
    """The aggregated results as flat CSV rows: question, option, count, percentage."""
    rows = [["question", "option", "count", "percentage", "mean", "median"]]
    for question in results["questions"]:
        for option in question.get("options", []):
            rows.append([question["text"], option["label"], option["count"]["value"],
                         option["percentage"]["value"], None, None])
        if "mean" in question:
            rows.append([question["text"], None, question["answered"]["value"], None,
                         question["mean"]["value"], question["median"]["value"]])
    return rows
