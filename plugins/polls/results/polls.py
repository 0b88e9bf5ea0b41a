"""A poll's results: who may see them, and counts and shares that never single anyone out."""
from django.utils.translation import gettext as _

from core.errors import NotAllowed
from core.privacy.audiences import Audience
from plugins.polls.models import PollState, ResultsVisibility


def results_minimum(poll):
    """The group size under which a figure is hidden: the site's for a community health poll,
    1 otherwise (every figure shown)."""
    from core.privacy.statistics import min_group_size

    if poll.about_health and (poll.audience == Audience.COMMUNITY or poll.community_id):
        return min_group_size()
    return 1


def check_results_visible(poll, user, *, has_voted: bool) -> None:
    """Raise NotAllowed, saying when results come, unless the viewer may see them now."""
    if user is not None and user.is_authenticated and poll.owner_id == user.pk:
        return
    closed = poll.state == PollState.CLOSED
    rule = poll.results_visibility
    if rule == ResultsVisibility.ALWAYS:
        return
    if rule == ResultsVisibility.AFTER_VOTE and (has_voted or closed):
        return
    if rule == ResultsVisibility.AFTER_CLOSE and closed:
        return
    messages = {
        ResultsVisibility.AFTER_VOTE: _("Results are shown once you have voted."),
        ResultsVisibility.AFTER_CLOSE: _("Results are shown once the poll is closed."),
        ResultsVisibility.AUTHOR: _("Only the poll's author sees its results."),
    }
    raise NotAllowed(messages[rule])


def open_ballot_voters(poll, viewer) -> dict:
    """In an open ballot: option id -> handles of the voters who chose it, read through the
    audience rule (a block hides a voter, as it hides everything else of theirs)."""
    from collections import defaultdict

    from plugins.polls.models import Ballot

    voters = defaultdict(list)
    for option_id, handle in (Ballot.objects.visible_to(viewer).filter(poll=poll)
                              .order_by("created_at")
                              .values_list("options__id", "owner__profile__handle")):
        if option_id is not None and handle:
            voters[option_id].append(handle)
    return voters


def poll_results(poll, viewer=None) -> dict:
    """Counts per option and their share of voters, suppressed as the poll requires; in an open
    ballot, who chose each option among the voters the viewer may see."""
    from core.privacy.statistics import share, suppress

    minimum = results_minimum(poll)
    options = list(poll.options.order_by("position"))
    voters = suppress({"voters": poll.voter_count}, minimum=minimum)["voters"]
    if poll.multiple:
        # Each option splits the voters in two (chose it, did not): neither part may be small.
        counts = {option.pk: suppress({"chose": option.vote_count,
                                       "other": poll.voter_count - option.vote_count},
                                      minimum=minimum)["chose"] for option in options}
    else:
        # One choice each: the counts add up to the (public) turnout.
        counts = suppress({option.pk: option.vote_count for option in options}, minimum=minimum)
    named = None if poll.secret_ballot else open_ballot_voters(poll, viewer)
    rows = []
    for option in options:
        votes = counts[option.pk]
        rows.append({
            "id": option.pk, "label": option.label, "votes": votes,
            "percentage": (share(votes, poll.voter_count, minimum=minimum)
                           if votes is not None and voters is not None else None),
            "suppressed": votes is None,
            "voters": None if named is None else named.get(option.pk, []),
        })
    return {"id": poll.pk, "state": poll.state, "voters": voters,
            "voters_suppressed": voters is None, "options": rows,
            "minimum_group_size": minimum if minimum > 1 else None}
