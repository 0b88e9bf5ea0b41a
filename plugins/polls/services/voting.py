"""Voting: one ballot per member, counts moved with F() in the same transaction.

Every vote first takes the poll's row through a conditional ``UPDATE`` that also checks the poll
is open; that one lock orders all votes of a poll (options are then updated in id order), so a
poll closing at the same moment takes a vote whole or not at all, and no count is ever lost.
"""
import uuid

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from core.errors import Conflict, Invalid, NotFound
from core.privacy.audiences import Audience
from plugins.polls.models import Ballot, Poll, PollOption


class AlreadyVoted(Conflict):
    """409 for a second, different vote on a poll whose votes cannot be changed."""

    def __init__(self, ballot):
        super().__init__(_("You have already voted in this poll."))
        self.ballot = ballot


def ballot_audience(poll) -> dict:
    """A secret ballot is the voter's alone; an open one is seen by whoever sees the poll."""
    if poll.secret_ballot:
        return {"audience": Audience.PRIVATE, "community": None}
    return {"audience": poll.audience, "community_id": poll.community_id}


def _lock_open_poll(poll_id, voters_delta: int) -> None:
    moved = Poll.objects.filter(Poll.objects.open_q(), pk=poll_id).update(
        voter_count=F("voter_count") + voters_delta)
    if not moved:
        raise Conflict(_("This poll is not open for votes."))


def _move_counts(option_ids, delta: int) -> None:
    for option_id in sorted(option_ids):
        PollOption.objects.filter(pk=option_id).update(vote_count=F("vote_count") + delta)


def _chosen(poll, option_ids) -> set:
    try:
        option_ids = [uuid.UUID(str(value)) for value in option_ids]
    except ValueError:
        raise Invalid("options", _("Choose among this poll's options."))
    chosen = set(option_ids)
    if not chosen:
        raise Invalid("options", _("Choose at least one option."))
    if len(chosen) != len(option_ids):
        raise Invalid("options", _("An option is chosen twice."))
    if len(chosen) > poll.max_choices:
        raise Invalid("options", _("Choose at most %(count)s options.")
                      % {"count": poll.max_choices})
    known = set(PollOption.objects.filter(poll=poll, pk__in=chosen).values_list("pk", flat=True))
    if known != chosen:
        raise Invalid("options", _("Choose among this poll's options."))
    return chosen


def vote(poll, member, option_ids) -> tuple[Ballot, bool]:
    """Record or change the member's vote; returns (ballot, created)."""
    chosen = _chosen(poll, list(option_ids))
    try:
        with transaction.atomic():
            _lock_open_poll(poll.pk, +1)
            ballot = Ballot.objects.create(poll=poll, owner=member, **ballot_audience(poll))
            ballot.options.set(chosen)
            _move_counts(chosen, +1)
        return ballot, True
    except IntegrityError:
        pass  # the member has a ballot already: change it, or say no
    with transaction.atomic():
        _lock_open_poll(poll.pk, 0)
        ballot = Ballot.objects.select_for_update().get(poll=poll, owner=member)
        current = set(ballot.options.values_list("pk", flat=True))
        if current == chosen:
            return ballot, False  # the same vote again: a retried request
        if not poll.allow_change:
            raise AlreadyVoted(ballot)
        ballot.options.set(chosen)
        _move_counts(current - chosen, -1)
        _move_counts(chosen - current, +1)
        ballot.save(update_fields=["updated_at"])
    return ballot, False


@transaction.atomic
def withdraw_vote(poll, member) -> None:
    if not poll.allow_change:
        raise Conflict(_("Votes in this poll cannot be withdrawn."))
    _lock_open_poll(poll.pk, 0)
    ballot = Ballot.objects.select_for_update().filter(poll=poll, owner=member).first()
    if ballot is None:
        raise NotFound(_("You have not voted in this poll."))
    Poll.objects.filter(pk=poll.pk).update(voter_count=F("voter_count") - 1)
    _move_counts(ballot.options.values_list("pk", flat=True), -1)
    ballot.delete()
