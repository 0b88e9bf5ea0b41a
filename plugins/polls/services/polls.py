"""A poll's life: creation with its options, closing early, deletion by its author."""
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.communities.models import Membership
from core.errors import Conflict, Invalid, NotAllowed
from core.privacy.audiences import Audience
from plugins.polls.models import Poll, PollOption, PollState
from plugins.polls.models.polls import MAX_OPTIONS, MIN_OPTIONS


def check_audience(author, audience, community, *, field="community"):
    """Content for a community needs one; only an active member may address it."""
    if audience == Audience.PRIVATE:
        raise Invalid("audience", _("A poll or survey for yourself alone asks no one."))
    if audience == Audience.COMMUNITY and community is None:
        raise Invalid(field, _("Choose the community this is for."))
    if community is not None and not Membership.objects.active().filter(
            community=community, member=author).exists():
        raise NotAllowed(_("You can only address a community you are a member of."))


def _clean_options(labels) -> list[str]:
    labels = [str(label).strip() for label in labels]
    if any(not label for label in labels):
        raise Invalid("options", _("An option cannot be empty."))
    if not MIN_OPTIONS <= len(labels) <= MAX_OPTIONS:
        raise Invalid("options", _("A poll has between %(min)s and %(max)s options.")
                      % {"min": MIN_OPTIONS, "max": MAX_OPTIONS})
    if len({label.casefold() for label in labels}) != len(labels):
        raise Invalid("options", _("Two options have the same label."))
    return labels


@transaction.atomic
def create_poll(author, *, options, multiple=False, max_choices=None, **fields) -> Poll:
    labels = _clean_options(options)
    check_audience(author, fields.get("audience", Audience.MEMBERS), fields.get("community"))
    if not multiple:
        max_choices = 1
    elif max_choices is None:
        max_choices = len(labels)
    elif not 1 <= max_choices <= len(labels):
        raise Invalid("max_choices", _("Choose between 1 and %(count)s options at most.")
                      % {"count": len(labels)})
    if fields.get("about_health") and not fields.get("secret_ballot", True):
        raise Invalid("secret_ballot", _("A poll about health is always a secret ballot."))
    opens_at = fields.get("opens_at") or timezone.now()
    closes_at = fields.get("closes_at")
    if closes_at is not None and closes_at <= max(opens_at, timezone.now()):
        raise Invalid("closes_at", _("The closing time must come after the opening time and "
                                     "be in the future."))
    fields["opens_at"] = opens_at
    poll = Poll.objects.create(owner=author, multiple=multiple, max_choices=max_choices, **fields)
    poll.list_options(PollOption.objects.bulk_create(
        PollOption(poll=poll, position=index, label=label) for index, label in enumerate(labels)))
    poll.save(update_fields=["listed_options"])
    return poll


@transaction.atomic
def close_poll(poll) -> Poll:
    poll = Poll.objects.select_for_update().get(pk=poll.pk)
    if poll.state == PollState.CLOSED:
        raise Conflict(_("This poll is already closed."))
    poll.closed_at = timezone.now()
    poll.save(update_fields=["closed_at", "updated_at"])
    return poll


def delete_poll(poll) -> None:
    if poll.voter_count:
        raise Conflict(_("A poll with votes cannot be deleted: close it instead."))
    poll.delete()
