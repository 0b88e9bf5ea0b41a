"""A survey's results: every figure suppressed through the core statistics, published questions
only for members, free text for managers only, breakdowns and cross-tabulations."""
import uuid

import pytest
from django.utils import timezone
from hypothesis import given, settings as hypothesis_settings, strategies as st

from plugins.polls.models import Question, Survey
from plugins.polls.results.surveys import crossed, question_result
from plugins.polls.services.responses import submit
from tests.core.privacy.test_statistics import hidden_figures_that_can_be_recomputed
from tests.factories import UserFactory
from tests.plugins.polls.conftest import client_for
from tests.plugins.polls.factories import SCALE, SINGLE, make_survey, open_survey

URL = "/api/v1/polls/surveys/"
TEXT = {"kind": "long_text", "text": "What would help you?"}


def answered_survey(works, fatigue, *, kinds=None, texts=None, regions=None):
    """A survey answered by len(works) members: their answers to SINGLE, SCALE and TEXT, with
    the member kinds and profile regions given."""
    survey = make_survey(questions=[SINGLE, SCALE, TEXT])
    open_survey(survey)
    work, tired, text = survey.questions.order_by("position")
    for index, (job, level) in enumerate(zip(works, fatigue)):
        member = UserFactory()
        if kinds or regions:
            member.profile.kind = kinds[index] if kinds else ""
            member.profile.region = regions[index] if regions else ""
            member.profile.save()
        answers = {str(work.pk): job, str(tired.pk): level}
        if texts:
            answers[str(text.pk)] = texts[index]
        submit(survey, member, answers)
    return survey, work, tired, text


def figures(question_result):
    return [(o["label"], o["count"]["value"]) for o in question_result["options"]]


@pytest.mark.django_db
@pytest.mark.parametrize("size, shown", [(9, False), (10, True)])
def test_nine_respondents_in_a_group_are_hidden_ten_shown(size, shown):
    survey, work, tired, _ = answered_survey(["yes"] * size + ["no"] * 12,
                                             [3] * (size + 12))
    body = client_for(survey.owner).get(f"{URL}{survey.pk}/results/").json()
    single = next(q for q in body["questions"] if q["id"] == str(work.pk))
    assert dict(figures(single))["yes"] == (size if shown else None)
    assert dict(figures(single))["no"] == (12 if shown else None)  # secondary suppression
    scale = next(q for q in body["questions"] if q["id"] == str(tired.pk))
    assert scale["mean"] == {"value": 3.0, "suppressed": False}


@pytest.mark.django_db
def test_members_see_only_published_questions_once_closed_and_never_free_text():
    survey, work, tired, text = answered_survey(["yes"] * 10 + ["no"] * 10, [4] * 20,
                                                texts=[f"words {n}" for n in range(20)])
    Question.objects.filter(pk__in=[work.pk, text.pk]).update(published=True)
    member = UserFactory()
    assert client_for(member).get(f"{URL}{survey.pk}/results/").status_code == 403
    Survey.objects.filter(pk=survey.pk).update(results_audience="members")
    assert client_for(member).get(f"{URL}{survey.pk}/results/").status_code == 403  # still open
    Survey.objects.filter(pk=survey.pk).update(closed_at=timezone.now())
    body = client_for(member).get(f"{URL}{survey.pk}/results/").json()
    assert [q["id"] for q in body["questions"]] == [str(work.pk)]
    manager = client_for(survey.owner).get(f"{URL}{survey.pk}/results/").json()
    texts = next(q for q in manager["questions"] if q["id"] == str(text.pk))["texts"]
    assert texts == sorted(f"words {n}" for n in range(20))
    assert client_for().get(f"{URL}{survey.pk}/results/").status_code == 404  # members only


@pytest.mark.django_db
def test_breakdowns_by_member_kind_and_a_cross_tabulation():
    works = ["yes"] * 12 + ["no"] * 12 + ["yes"] * 3
    kinds = ["patient"] * 24 + ["relative"] * 3
    survey, work, tired, _ = answered_survey(works, [2] * 12 + [5] * 15, kinds=kinds)
    client = client_for(survey.owner)
    body = client.get(f"{URL}{survey.pk}/results/", {"by": "kind"}).json()
    table = next(b for b in body["breakdowns"] if b["question"] == str(work.pk))
    cells = {(c["row"], c["column"]): c["value"] for c in table["cells"]}
    assert cells["patient", "yes"] is None and cells["relative", "yes"] is None
    assert cells["relative", "no"] == 0
    crossed_body = client.get(f"{URL}{survey.pk}/results/",
                              {"cross": f"{work.pk},{tired.pk}"}).json()["cross_tabulation"]
    cross = {(c["row"], c["column"]): c["value"] for c in crossed_body["cells"]}
    assert cross["yes", 5] is None and cross["no", 2] == 0
    assert set(cross.values()) <= {None, 0, 12}
    for params in ({"by": "county"}, {"cross": str(work.pk)},
                   {"cross": f"{work.pk},{uuid.uuid4()}"}):
        refused = client.get(f"{URL}{survey.pk}/results/", params)
        assert refused.status_code == 400, params


def breakdown_of(client, survey, question, by):
    body = client.get(f"{URL}{survey.pk}/results/", {"by": by})
    assert body.status_code == 200, body.json()
    table = next(b for b in body.json()["breakdowns"] if b["question"] == str(question.pk))
    assert table["by"] == by
    return table


@pytest.mark.django_db
@pytest.mark.parametrize("size, named", [(9, False), (10, True)])
def test_a_region_of_nine_respondents_is_merged_into_other_ten_named(size, named):
    # However they typed it, these members live in the same region.
    spellings = ["Bretagne", "bretagne", "  BRETAGNE ", "Bretagne"]
    regions = [spellings[n % 4] for n in range(size)] + ["Occitanie"] * 24 + [""] * 10
    works = ["yes"] * size + ["yes"] * 12 + ["no"] * 12 + ["no"] * 10
    survey, work, tired, _ = answered_survey(works, [3] * len(works), regions=regions)
    table = breakdown_of(client_for(survey.owner), survey, work, "region")
    cells = {(c["row"], c["column"]): c["value"] for c in table["cells"]}
    totals = {t["row"]: t["value"] for t in table["row_totals"]}
    if named:
        assert cells["Bretagne", "yes"] == 10 and cells["Bretagne", "no"] == 0
        assert totals == {"Bretagne": 10, "Occitanie": 24, "unknown": 10}
    else:
        assert not any("bretagne" in str(row).casefold() for row, _ in cells)
        assert cells["other", "yes"] is None and totals["other"] is None
        # The merged row's 9 could be recomputed from the column total: more is hidden.
        assert cells["Occitanie", "yes"] is None
        assert hidden_figures_that_can_be_recomputed(grid(table)) == []
    assert cells["Occitanie", "no"] == 12 and cells["unknown", "no"] == 10


@pytest.mark.django_db
def test_a_named_region_with_a_small_cell_gets_secondary_suppression():
    regions = ["Bretagne"] * 10 + ["Occitanie"] * 24 + ["Normandie"] * 15
    works = ["yes"] * 7 + ["no"] * 3 + ["yes"] * 12 + ["no"] * 12 + ["yes"] * 15
    survey, work, _, _ = answered_survey(works, [3] * len(works), regions=regions)
    table = breakdown_of(client_for(survey.owner), survey, work, "region")
    cells = {(c["row"], c["column"]): c["value"] for c in table["cells"]}
    assert cells["Bretagne", "yes"] is None and cells["Bretagne", "no"] is None
    # Bretagne's 7 and 3 sit in one row whose total (10) is shown: the column totals would
    # give them back unless cells of another row are hidden too.
    assert {t["row"]: t["value"] for t in table["row_totals"]}["Bretagne"] == 10
    assert cells["Occitanie", "yes"] is None and cells["Occitanie", "no"] is None
    assert cells["Normandie", "yes"] == 15
    assert hidden_figures_that_can_be_recomputed(grid(table)) == []


def test_regions_are_grouped_however_typed_and_named_by_their_commonest_spelling():
    from plugins.polls.results.surveys import region_groups

    regions = ["Île-de-France"] * 2 + ["île-de-france", "ÎLE-DE-FRANCE  ", "Jura", "", "Jura"]
    assert region_groups(regions, 4) == ["Île-de-France"] * 4 + ["other", "unknown", "other"]
    assert region_groups(regions, 2) == ["Île-de-France"] * 4 + ["Jura", "unknown", "Jura"]


# Property: whatever the answers, no hidden figure of a published table can be recomputed
# from the published cells and totals (checked by linear programming, as the core's tests do).

answers = st.lists(st.tuples(st.sampled_from(["a", "b", "c"]), st.integers(1, 4),
                             st.sampled_from(["patient", "relative", "professional"])),
                   min_size=0, max_size=60)


def unsaved_questions():
    single = Question(id=uuid.uuid4(), kind="single", text="S", choices=["a", "b", "c"])
    scale = Question(id=uuid.uuid4(), kind="scale", text="N", scale_min=1, scale_max=4)
    return single, scale


def grid(table_json):
    rows = list(dict.fromkeys(cell["row"] for cell in table_json["cells"]))
    columns = list(dict.fromkeys(cell["column"] for cell in table_json["cells"]))
    cells = {(cell["row"], cell["column"]): cell["value"] for cell in table_json["cells"]}
    row_totals = {item["row"]: item["value"] for item in table_json["row_totals"]}
    column_totals = {item["column"]: item["value"] for item in table_json["column_totals"]}
    shown = [[cells[r, c] for c in columns] + [row_totals[r]] for r in rows]
    shown.append([column_totals[c] for c in columns] + [table_json["total"]["value"]])
    return shown


@hypothesis_settings(max_examples=30, deadline=None)
@given(answers)
def test_no_hidden_figure_of_the_results_can_be_recomputed(rows):
    single, scale = unsaved_questions()
    responses = [{"answers": {str(single.pk): choice, str(scale.pk): level}, "kind": kind}
                 for choice, level, kind in rows]
    minimum = 5
    for table in (
            crossed(lambda r: r["answers"][str(single.pk)], lambda r: r["answers"][str(scale.pk)],
                    responses, minimum),
            crossed(lambda r: r["kind"], lambda r: r["answers"][str(single.pk)], responses,
                    minimum)):
        if table["cells"]:
            shown = grid(table)
            assert hidden_figures_that_can_be_recomputed(shown) == []
            assert all(value is None or value == 0 or value >= minimum
                       for line in shown for value in line)
    result = question_result(single, responses, minimum=minimum, for_manager=False)
    published = [o["count"]["value"] for o in result["options"]]
    hidden = [value for value in published if value is None]
    # One dimension with a public total: never a single hidden count.
    assert len(hidden) != 1 or result["answered"]["value"] is None
    assert all(value is None or value == 0 or value >= minimum for value in published)


@pytest.mark.django_db
def test_the_schema_documents_the_region_breakdown(api_client):
    schema = api_client.get("/api/v1/schema/?format=json").json()
    operation = schema["paths"]["/api/v1/polls/surveys/{id}/results/"]["get"]
    by = next(p for p in operation["parameters"] if p["name"] == "by")
    assert sorted(by["schema"]["enum"]) == ["condition", "kind", "region"]
    assert "other" in by["description"]
    breakdown = schema["components"]["schemas"]["Breakdown"]
    assert {"question", "by", "cells", "row_totals", "column_totals", "total"} <= set(
        breakdown["properties"])
    assert "400" in operation["responses"]
