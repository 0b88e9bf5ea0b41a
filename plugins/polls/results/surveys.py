"""A survey's results: per question figures, breakdowns and cross-tabulations, all suppressed.

Every count, share, mean and median comes from ``core.privacy.statistics`` with the site's
minimum group size; free-text answers go to the managers only, sorted so that their order says
nothing of who wrote them, and are never published.
"""
from collections import Counter, defaultdict

from django.utils.translation import gettext as _

from core.errors import Invalid, NotAllowed
from core.identity.models import TaggedCondition
from plugins.polls.models import QuestionKind as Kind, Response, ResponseStatus, ResultsAudience
from plugins.polls.models import SurveyState
from plugins.polls.queries import questions_of

TEXT_KINDS = (Kind.SHORT_TEXT, Kind.LONG_TEXT)
#: Kinds whose answers are one category each: they can be broken down and crossed.
CATEGORICAL = (Kind.SINGLE, Kind.SCALE)
BREAKDOWNS = ("kind", "condition", "region")
SEVERAL = "several"
UNKNOWN = "unknown"
#: The row merging the regions with too few respondents: a region is typed freely on the
#: profile, so naming one with a null would still tell that someone from there answered.
OTHER = "other"


def _stats():
    from core.privacy import statistics

    return statistics


def check_results_visible(survey, user, *, is_manager: bool) -> None:
    if is_manager:
        return
    audience = survey.results_audience
    if audience == ResultsAudience.MANAGERS or (
            audience == ResultsAudience.MEMBERS and not user.is_authenticated):
        raise NotAllowed(_("The results of this survey are not published for you."))
    if survey.state != SurveyState.CLOSED:
        # Live figures would let anyone who sees one more response arrive learn its answers.
        raise NotAllowed(_("The results are published once the survey is closed."))


def region_key(region: str) -> str:
    """The same region however it was typed (case, spacing)."""
    return " ".join(region.split()).casefold()


def region_groups(regions: list[str], minimum: int) -> list[str]:
    """Each respondent's region as published: regions of at least ``minimum`` respondents
    under their most common spelling, the others merged into ``other``, none given ``unknown``.

    Decided once per survey over all its respondents, so that every table names the same
    regions (a region named in one table and merged in another would give its size away)."""
    keys = [region_key(region) for region in regions]
    sizes = Counter(key for key in keys if key)
    spellings = defaultdict(Counter)
    for region, key in zip(regions, keys):
        spellings[key][" ".join(region.split())] += 1
    names = {key: min(spellings[key].items(), key=lambda item: (-item[1], item[0]))[0]
             for key, size in sizes.items() if size >= minimum}
    return [UNKNOWN if not key else names.get(key, OTHER) for key in keys]


def submitted(survey, minimum: int, *, groups: bool = True) -> list[dict]:
    """The submitted responses' answers and, with ``groups``, the respondents' groups (never
    who they are); without, the answers alone (no profile read: results with no breakdown)."""
    responses = Response.objects.filter(survey=survey, status=ResponseStatus.SUBMITTED)
    if not groups:
        return [{"answers": answers} for answers in responses.values_list("answers", flat=True)]
    rows = list(responses.values("answers", "owner__profile__id", "owner__profile__kind",
                                 "owner__profile__region"))
    profiles = [row["owner__profile__id"] for row in rows if row["owner__profile__id"]]
    conditions = defaultdict(set)
    for profile_id, slug in TaggedCondition.objects.filter(
            content_object_id__in=profiles).values_list("content_object_id", "tag__slug"):
        conditions[profile_id].add(slug)
    regions = region_groups([row["owner__profile__region"] or "" for row in rows], minimum)
    result = []
    for row, region in zip(rows, regions):
        held = conditions.get(row["owner__profile__id"], set())
        result.append({
            "answers": row["answers"],
            "kind": row["owner__profile__kind"] or UNKNOWN,
            "region": region,
            "condition": (next(iter(held)) if len(held) == 1
                          else SEVERAL if held else UNKNOWN),
        })
    return result


def _counts_of(question, values) -> dict:
    if question.kind == Kind.SCALE:
        categories = list(range(question.scale_min, question.scale_max + 1))
    else:
        categories = list(question.choices)
    counted = Counter(values)
    return {category: counted.get(category, 0) for category in categories}


def _options(counts: dict, published: dict, answered: int, minimum: int) -> list:
    stats = _stats()
    return [{"label": str(label), "count": stats.figure(published[label]),
             "percentage": stats.figure(None if published[label] is None
                                        else stats.share(count, answered, minimum))}
            for label, count in counts.items()]


def question_result(question, responses, *, minimum: int, for_manager: bool) -> dict:
    stats = _stats()
    key = str(question.pk)
    values = [row["answers"][key] for row in responses if key in row["answers"]]
    answered = len(values)
    result = {"id": question.pk, "text": question.text, "kind": question.kind,
              "published": question.published,
              "answered": stats.figure(stats.suppress({"n": answered}, minimum)["n"])}
    kind = question.kind
    if kind in (Kind.SINGLE, Kind.SCALE):
        counts = _counts_of(question, values)
        result["options"] = _options(counts, stats.suppress(counts, minimum), answered, minimum)
    if kind in (Kind.SCALE, Kind.NUMBER):
        result["mean"] = stats.figure(_rounded(stats.mean(values, minimum)))
        result["median"] = stats.figure(stats.median(values, minimum))
    if kind == Kind.MULTIPLE:
        counts = {choice: sum(1 for value in values if choice in value)
                  for choice in question.choices}
        # Each option splits those who answered in two: neither part may be small.
        published = {choice: stats.suppress({"chose": count, "other": answered - count},
                                            minimum)["chose"] for choice, count in counts.items()}
        result["options"] = _options(counts, published, answered, minimum)
    if kind == Kind.MATRIX:
        cells = {(row, point): sum(1 for value in values if value.get(row) == point)
                 for row in question.rows
                 for point in range(question.scale_min, question.scale_max + 1)}
        result["table"] = stats.suppress_table(cells, minimum).as_dict()
        result["row_means"] = [
            {"row": row, **stats.figure(_rounded(stats.mean(
                [value[row] for value in values if row in value], minimum)))}
            for row in question.rows]
    if kind == Kind.RANKING:
        result["mean_ranks"] = [
            {"label": choice, **stats.figure(_rounded(stats.mean(
                [value.index(choice) + 1 for value in values if choice in value], minimum)))}
            for choice in question.choices]
    if kind in TEXT_KINDS and for_manager:
        # Alphabetical: the order of arrival could point to a respondent.
        result["texts"] = sorted(values) if answered >= minimum else []
        result["texts_suppressed"] = answered < minimum
    return result


def _rounded(value):
    return None if value is None else round(value, 2)


def crossed(rows_of, columns_of, responses, minimum: int) -> dict:
    """A two-way table of the responses, with secondary suppression, in its JSON shape."""
    cells = Counter()
    for response in responses:
        row, column = rows_of(response), columns_of(response)
        if row is not None and column is not None:
            cells[row, column] += 1
    return _stats().suppress_table(dict(cells), minimum).as_dict()


def breakdown(question, responses, by: str, minimum: int) -> dict:
    key = str(question.pk)
    return {"question": question.pk, "by": by, **crossed(
        lambda response: response[by], lambda response: response["answers"].get(key),
        responses, minimum)}


def survey_results(survey, *, for_manager: bool, by: str | None = None,
                   cross: list | None = None) -> dict:
    """Figures for every question the viewer may see; ``by`` adds breakdowns of the
    categorical ones, ``cross`` (two question ids) a cross-tabulation."""
    stats = _stats()
    minimum = stats.min_group_size()
    responses = submitted(survey, minimum, groups=by is not None)
    questions = [question for question in questions_of(survey)
                 if for_manager or (question.published and question.kind not in TEXT_KINDS)]
    result = {"id": survey.pk, "state": survey.state, "minimum_group_size": minimum,
              "respondents": stats.figure(stats.suppress({"n": len(responses)}, minimum)["n"]),
              "questions": [question_result(question, responses, minimum=minimum,
                                            for_manager=for_manager)
                            for question in questions],
              "breakdowns": [], "cross_tabulation": None}
    if by is not None:
        if by not in BREAKDOWNS:
            raise Invalid("by", _("Break down by one of: %s.") % ", ".join(BREAKDOWNS))
        result["breakdowns"] = [breakdown(question, responses, by, minimum)
                                for question in questions if question.kind in CATEGORICAL]
    if cross:
        first, second = _crossable(questions, cross)
        result["cross_tabulation"] = {"rows": first.pk, "columns": second.pk, **crossed(
            lambda response: response["answers"].get(str(first.pk)),
            lambda response: response["answers"].get(str(second.pk)), responses, minimum)}
    return result


def _crossable(questions, cross):
    by_id = {str(question.pk): question for question in questions
             if question.kind in CATEGORICAL}
    if len(cross) != 2 or cross[0] == cross[1] or any(key not in by_id for key in cross):
        raise Invalid("cross", _("Give two different single-choice or scale questions whose "
                                 "results you may see, separated by a comma."))
    return by_id[cross[0]], by_id[cross[1]]
