"""A survey's results beside those of the run it was copied from, question by question."""
from django.utils.translation import gettext as _

from core.errors import Conflict
from plugins.polls.results.surveys import survey_results


def compare_with_previous(survey, *, for_manager: bool) -> dict:
    previous = survey.previous_run
    if previous is None:
        raise Conflict(_("This survey is not a copy of an earlier one."))
    current = survey_results(survey, for_manager=for_manager)
    earlier = survey_results(previous, for_manager=for_manager)
    earlier_by_id = {str(question["id"]): question for question in earlier["questions"]}
    copied_from = dict(survey.questions.values_list("pk", "copied_from_id"))
    pairs = []
    for question in current["questions"]:
        origin = copied_from.get(question["id"])
        if origin is not None and str(origin) in earlier_by_id:
            pairs.append({"question": question["id"], "previous_question": origin,
                          "current": question, "previous": earlier_by_id[str(origin)]})
    return {"survey": survey.pk, "previous_run": previous.pk,
            "respondents": current["respondents"],
            "previous_respondents": earlier["respondents"], "questions": pairs}
