"""Every read of the polls plugin, built on visible_to(): polls, ballots, surveys, responses."""
from django.db.models import Exists, OuterRef, Prefetch, Value

from core.communities.models import Membership
from core.privacy.roles import is_manager_of
from plugins.polls.models import (Ballot, Poll, PollOption, Question, Response, Section,
                                  Survey)


def polls_for(user):
    """Polls the user may see, with whether they voted (never how anyone else did)."""
    polls = Poll.objects.visible_to(user)
    if user is None or not user.is_authenticated:
        return polls.annotate(has_voted=Value(False))
    return polls.annotate(has_voted=Exists(Ballot.objects.filter(poll=OuterRef("pk"),
                                                                 owner=user)))


def polls_with_options(user):
    return polls_for(user).select_related("community").prefetch_related(
        Prefetch("options", queryset=PollOption.objects.order_by("position")))


def ballot_of(user, poll):
    """The user's own ballot on the poll, or None: visible_to() keeps it to its owner."""
    if user is None or not user.is_authenticated:
        return None
    return (Ballot.objects.visible_to(user).filter(poll=poll, owner=user)
            .prefetch_related("options").first())


def surveys_for(user):
    return Survey.objects.visible_to(user)


def survey_with_structure(user):
    return surveys_for(user).select_related("community").prefetch_related(
        "eligible_communities", "eligible_conditions",
        Prefetch("sections", queryset=Section.objects.order_by("position")))


def questions_of(survey):
    """The survey's questions in answering order (sections, then positions)."""
    return list(Question.objects.filter(survey=survey).select_related("section")
                .order_by("section__position", "position"))


def sections_of(survey):
    return list(Section.objects.filter(survey=survey).order_by("position"))


def response_of(user, survey):
    """The user's own response (draft or submitted), or None."""
    if user is None or not user.is_authenticated:
        return None
    return Response.objects.visible_to(user).filter(survey=survey, owner=user).first()


def is_survey_manager(user, survey) -> bool:
    """The survey's author, a moderator of its community, or a plugin manager (admin group)."""
    if user is None or not user.is_authenticated:
        return False
    if survey.owner_id == user.pk or is_manager_of(user, survey):
        return True
    return survey.community_id is not None and Membership.objects.moderators().filter(
        community_id=survey.community_id, member=user).exists()


def can_build_surveys(user) -> bool:
    """Members who manage a community, or association accounts, build surveys."""
    if user is None or not user.is_authenticated:
        return False
    profile = getattr(user, "profile", None)
    if profile is not None and profile.kind == "association":
        return True
    return Membership.objects.moderators().filter(member=user).exists() or user.has_perm(
        "polls.add_survey")
