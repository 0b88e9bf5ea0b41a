"""Answering a survey: eligibility and consent, drafts resumed anywhere, one submission, withdrawal.

The response count moves with ``F()`` in the transaction that submits or withdraws, through a
conditional ``UPDATE`` that also checks the survey is open.
"""
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from core.communities.models import Membership
from core.errors import Conflict, NotAllowed, NotFound
from core.privacy.audiences import Audience
from plugins.polls.answers import check_answers
from plugins.polls.models import Response, ResponseStatus, Survey, SurveyState
from plugins.polls.queries import questions_of, sections_of


def eligibility_error(survey, member):
    """Why the member may not answer (a message), or None."""
    communities = list(survey.eligible_communities.values_list("pk", flat=True))
    if communities and not Membership.objects.active().filter(
            member=member, community_id__in=communities).exists():
        return _("This survey is for members of some communities only.")
    profile = getattr(member, "profile", None)
    if survey.eligible_kinds and (profile is None or profile.kind not in survey.eligible_kinds):
        return _("This survey is for some kinds of members only.")
    conditions = list(survey.eligible_conditions.values_list("pk", flat=True))
    if conditions and (profile is None or not profile.conditions.filter(
            pk__in=conditions).exists()):
        return _("This survey is for members living with some conditions only.")
    return None


def check_may_answer(survey, member) -> None:
    if survey.state != SurveyState.OPEN:
        raise Conflict(_("This survey is not open for answers."))
    reason = eligibility_error(survey, member)
    if reason:
        raise NotAllowed(reason)
    if survey.consent_purpose:
        from core.privacy.services import require_consent

        require_consent(member, survey.consent_purpose)


def _checked(survey, answers, *, complete):
    return check_answers(sections_of(survey), questions_of(survey), answers, complete=complete)


def _mine_locked(survey, member):
    return Response.objects.select_for_update().filter(survey=survey, owner=member).first()


def save_draft(survey, member, answers) -> Response:
    """Create or replace the member's draft; a submitted response is not a draft any more."""
    check_may_answer(survey, member)
    answers = _checked(survey, answers, complete=False)
    try:
        with transaction.atomic():
            return Response.objects.create(survey=survey, owner=member, answers=answers,
                                           audience=Audience.PRIVATE)
    except IntegrityError:
        pass  # a draft exists already (perhaps saved on another device a moment ago)
    with transaction.atomic():
        response = _mine_locked(survey, member)
        if response.status == ResponseStatus.SUBMITTED:
            raise Conflict(_("You have already submitted this survey."))
        response.answers = answers
        response.save(update_fields=["answers", "updated_at"])
    return response


def _count(survey_id, delta: int) -> None:
    moved = Survey.objects.filter(Survey.objects.open_q(), pk=survey_id).update(
        response_count=F("response_count") + delta)
    if not moved:
        raise Conflict(_("This survey is not open for answers."))


@transaction.atomic
def submit(survey, member, answers=None) -> Response:
    """Submit the draft (with ``answers``, replacing it): once, complete and valid."""
    check_may_answer(survey, member)
    response = _mine_locked(survey, member)
    if response is None:
        if answers is None:
            raise NotFound(_("You have no draft for this survey."))
        response = Response(survey=survey, owner=member, audience=Audience.PRIVATE)
    elif response.status == ResponseStatus.SUBMITTED:
        raise Conflict(_("You have already submitted this survey."))
    response.answers = _checked(survey, response.answers if answers is None else answers,
                                complete=True)
    _count(survey.pk, +1)
    response.status = ResponseStatus.SUBMITTED
    response.submitted_at = timezone.now()
    try:
        with transaction.atomic():
            response.save()
    except IntegrityError:
        raise Conflict(_("You have already submitted this survey."))
    return response


@transaction.atomic
def withdraw(survey, member) -> None:
    """Delete the member's response (draft or submitted) while the survey is open."""
    response = _mine_locked(survey, member)
    if response is None:
        raise NotFound(_("You have no response to this survey."))
    if response.status == ResponseStatus.SUBMITTED:
        if survey.state != SurveyState.OPEN:
            raise Conflict(_("A response can be withdrawn only while the survey is open."))
        _count(survey.pk, -1)
    response.delete()
