"""A survey's life: creation, settings, publication, closing, deletion and a copy for a new run."""
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import Conflict, Invalid
from core.identity.models import MemberKind
from plugins.polls.models import Question, Section, Survey, SurveyState
from plugins.polls.services.polls import check_audience

#: What can still change once members may answer: the structure and eligibility cannot.
CHANGEABLE_WHEN_PUBLISHED = {"closes_at", "results_audience", "target_responses",
                             "estimated_minutes", "introduction"}


def _check_dates(opens_at, closes_at):
    if closes_at is not None and closes_at <= max(filter(None, [opens_at, timezone.now()])):
        raise Invalid("closes_at", _("The closing time must come after the opening time and "
                                     "be in the future."))


def _check_kinds(kinds):
    unknown = [kind for kind in kinds or [] if kind not in MemberKind.values]
    if unknown:
        raise Invalid("eligible_kinds", _("Choose among: %s.") % ", ".join(MemberKind.values))


@transaction.atomic
def create_survey(author, *, eligible_communities=(), eligible_conditions=(), **fields) -> Survey:
    check_audience(author, fields.get("audience"), fields.get("community"))
    _check_kinds(fields.get("eligible_kinds"))
    _check_dates(fields.get("opens_at"), fields.get("closes_at"))
    survey = Survey.objects.create(owner=author, **fields)
    survey.eligible_communities.set(eligible_communities)
    survey.eligible_conditions.set(eligible_conditions)
    return survey


@transaction.atomic
def update_survey(survey, editor, **fields) -> Survey:
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if survey.state != SurveyState.DRAFT and set(fields) - CHANGEABLE_WHEN_PUBLISHED:
        raise Conflict(_("Once published, only the closing time, the introduction, the target "
                         "and who sees the results can change."))
    if "audience" in fields or "community" in fields:
        check_audience(editor, fields.get("audience", survey.audience),
                       fields.get("community", survey.community))
    _check_kinds(fields.get("eligible_kinds"))
    communities = fields.pop("eligible_communities", None)
    conditions = fields.pop("eligible_conditions", None)
    for name, value in fields.items():
        setattr(survey, name, value)
    _check_dates(survey.opens_at, fields.get("closes_at"))
    survey.save()
    if communities is not None:
        survey.eligible_communities.set(communities)
    if conditions is not None:
        survey.eligible_conditions.set(conditions)
    return survey


def delete_survey(survey) -> None:
    if survey.state != SurveyState.DRAFT:
        raise Conflict(_("A published survey cannot be deleted: close it instead."))
    survey.delete()


@transaction.atomic
def publish_survey(survey) -> Survey:
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if survey.state != SurveyState.DRAFT:
        raise Conflict(_("This survey is already published."))
    if not survey.questions.exists():
        raise Conflict(_("Add at least one question before publishing."))
    _check_dates(survey.opens_at, survey.closes_at)
    survey.published_at = timezone.now()
    survey.save(update_fields=["published_at", "updated_at"])
    return survey


@transaction.atomic
def close_survey(survey) -> Survey:
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if survey.state in (SurveyState.DRAFT, SurveyState.CLOSED):
        raise Conflict(_("Only a published survey that is not closed can be closed."))
    survey.closed_at = timezone.now()
    survey.save(update_fields=["closed_at", "updated_at"])
    return survey


def _remap(condition, ids: dict):
    """The same condition pointing at the copies of the questions it looked at."""
    if not condition:
        return condition
    for combination in ("all", "any"):
        if combination in condition:
            return {combination: [_remap(part, ids) for part in condition[combination]]}
    return {**condition, "question": ids[condition["question"]]}


@transaction.atomic
def copy_survey(survey, author) -> Survey:
    """A new draft with the same settings, sections and questions, to run it again."""
    copy = Survey.objects.create(
        owner=author, title=survey.title, introduction=survey.introduction,
        consent_purpose=survey.consent_purpose, eligible_kinds=survey.eligible_kinds,
        audience=survey.audience, community=survey.community,
        target_responses=survey.target_responses, estimated_minutes=survey.estimated_minutes,
        results_audience=survey.results_audience, previous_run=survey)
    copy.eligible_communities.set(survey.eligible_communities.all())
    copy.eligible_conditions.set(survey.eligible_conditions.all())
    ids = {}
    sections = {}
    for section in survey.sections.order_by("position"):
        sections[section.pk] = Section.objects.create(
            survey=copy, position=section.position, title=section.title,
            description=section.description, condition=_remap(section.condition, ids))
        for question in section.questions.order_by("position"):
            original = question.pk
            question.pk = None
            question.survey, question.section = copy, sections[section.pk]
            question.condition = _remap(question.condition, ids)
            question.copied_from_id = original
            question.published = False
            question.save(force_insert=True)
            ids[str(original)] = str(question.pk)
    return copy
