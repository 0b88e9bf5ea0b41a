"""A petition's life: draft, submission, review, publication, closing, delivery, answer."""
import uuid
from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.conf import plugin_setting
from core.errors import Conflict, Invalid
from core.privacy import audit
from core.privacy.audiences import Audience
from plugins.petitions import notifications, queries
from plugins.petitions.models import Petition, Promoter
from plugins.petitions.state import Status, lapsed_q


def unique_slug(title: str) -> str:
    # A short random suffix: unique without a lookup, and no count of petitions leaks.
    return f"{slugify(title)[:120] or 'petition'}-{uuid.uuid4().hex[:8]}"


@transaction.atomic
def create_petition(author, *, tags=(), **fields) -> Petition:
    """A draft led by its author, returned as the author sees it (their viewer flags set)."""
    petition = Petition.objects.create(owner=author, slug=unique_slug(fields["title"]), **fields)
    if tags:
        petition.tags.set(tags)
    Promoter.objects.create(petition=petition, member=author, invited_by=author,
                            status=Promoter.Status.ACCEPTED, accepted_at=timezone.now())
    petition.viewer_is_promoter, petition.viewer_has_signed = True, False
    return queries.refresh_tags(petition)


#: What a state change may rewrite; refreshing only these keeps what the reader's queryset
#: loaded (viewer flags, tags, owner, community), so the caller can show the result at once.
STORED_FIELDS = [field.attname for field in Petition._meta.concrete_fields
                 if not field.is_relation and not field.primary_key]


def _locked(petition) -> Petition:
    """The petition's stored state, reread under a row lock for this transaction, in place:
    state changes never interleave."""
    petition.refresh_from_db(fields=STORED_FIELDS,
                             from_queryset=Petition.objects.select_for_update())
    return petition


def _require_state(petition, *states, message):
    if petition.state not in states:
        raise Conflict(message)


EDITABLE_STATES = (Status.DRAFT, Status.REJECTED)


@transaction.atomic
def update_petition(petition, *, tags=None, **fields) -> Petition:
    petition = _locked(petition)
    _require_state(petition, *EDITABLE_STATES,
                   message=_("Only a draft or a rejected petition can be edited."))
    for name, value in fields.items():
        setattr(petition, name, value)
    petition.full_clean(exclude=["slug", "tags"])
    petition.save()
    if tags is not None:
        petition.tags.set(tags)
        queries.refresh_tags(petition)
    return petition


@transaction.atomic
def delete_draft(petition) -> None:
    petition = _locked(petition)
    _require_state(petition, *EDITABLE_STATES,
                   message=_("Only a draft or a rejected petition can be deleted."))
    petition.delete()


@transaction.atomic
def submit(petition) -> Petition:
    petition = _locked(petition)
    _require_state(petition, *EDITABLE_STATES, message=_("This petition was already submitted."))
    if petition.audience == Audience.PRIVATE:
        raise Invalid("audience", _("A petition seen by you alone cannot gather signatures: "
                                    "choose a wider audience."))
    needed = plugin_setting("petitions", "MIN_PROMOTERS")
    accepted = petition.promoters.filter(status=Promoter.Status.ACCEPTED).count()
    if accepted < needed:
        raise Invalid("promoters", _(
            "This petition needs %(needed)s promoters before it can be submitted; it has "
            "%(accepted)s.") % {"needed": needed, "accepted": accepted})
    petition.status = Status.SUBMITTED
    petition.submitted_at = timezone.now()
    petition.rejection_reason = ""
    petition.save(update_fields=["status", "submitted_at", "rejection_reason", "updated_at"])
    if not plugin_setting("petitions", "REQUIRE_REVIEW"):
        return _publish(petition)
    return petition


def _publish(petition) -> Petition:
    now = timezone.now()
    if petition.opens_at is None or petition.opens_at < now:
        petition.opens_at = now
    if petition.closes_at is None:
        days = plugin_setting("petitions", "DEFAULT_DAYS")
        petition.closes_at = petition.opens_at + timedelta(days=days)
    if petition.closes_at <= petition.opens_at:
        raise Invalid("closes_at", _("The deadline has passed: set a later one."))
    petition.status = Status.PUBLISHED
    petition.published_at = now
    petition.save(update_fields=["status", "published_at", "opens_at", "closes_at", "updated_at"])
    notifications.reviewed(petition)
    return petition


@transaction.atomic
def publish(petition, *, moderator) -> Petition:
    """A moderator's decision; it goes to the audit log (who published what, when)."""
    petition = _locked(petition)
    _require_state(petition, Status.SUBMITTED, message=_("Only a submitted petition can be "
                                                         "published."))
    petition = _publish(petition)
    audit.record(moderator, "petitions.publish", subject=petition.owner, target=petition)
    return petition


@transaction.atomic
def reject(petition, *, reason: str, moderator) -> Petition:
    petition = _locked(petition)
    _require_state(petition, Status.SUBMITTED, message=_("Only a submitted petition can be "
                                                         "rejected."))
    petition.status = Status.REJECTED
    petition.rejected_at = timezone.now()
    petition.rejection_reason = reason
    petition.save(update_fields=["status", "rejected_at", "rejection_reason", "updated_at"])
    # The reason is the moderator's words to the promoters, not a personal string of theirs.
    audit.record(moderator, "petitions.reject", subject=petition.owner, target=petition,
                 detail=reason)
    notifications.reviewed(petition)
    return petition


@transaction.atomic
def close(petition) -> Petition:
    petition = _locked(petition)
    _require_state(petition, Status.PUBLISHED, message=_("Only an open petition can be closed."))
    petition.status = Status.CLOSED
    petition.closed_at = timezone.now()
    petition.save(update_fields=["status", "closed_at", "updated_at"])
    return petition


@transaction.atomic
def withdraw(petition) -> Petition:
    petition = _locked(petition)
    _require_state(petition, Status.PUBLISHED,
                   message=_("Only an open petition can be withdrawn."))
    petition.status = Status.WITHDRAWN
    petition.withdrawn_at = timezone.now()
    petition.save(update_fields=["status", "withdrawn_at", "updated_at"])
    return petition


def _close_lazily(petition):
    """Store the closing of a petition whose deadline passed, before acting on it."""
    if petition.status == Status.PUBLISHED and petition.state == Status.CLOSED:
        petition.status = Status.CLOSED
        petition.closed_at = petition.closes_at


@transaction.atomic
def deliver(petition, *, delivered_at, delivery_method, delivered_to) -> Petition:
    petition = _locked(petition)
    _require_state(petition, Status.CLOSED,
                   message=_("A petition is delivered once it is closed."))
    _close_lazily(petition)
    petition.status = Status.DELIVERED
    petition.delivered_at = delivered_at
    petition.delivery_method = delivery_method
    petition.delivered_to = delivered_to
    petition.save()
    notifications.outcome(petition, _("“%(title)s” was delivered to %(target)s")
                          % {"title": petition.title, "target": delivered_to})
    return petition


@transaction.atomic
def record_answer(petition, *, answer: str, answered_at=None) -> Petition:
    petition = _locked(petition)
    _require_state(petition, Status.CLOSED, Status.DELIVERED, Status.ANSWERED,
                   message=_("An answer is recorded once the petition is closed."))
    _close_lazily(petition)
    petition.status = Status.ANSWERED
    petition.answer = answer
    petition.answered_at = answered_at or timezone.now()
    petition.save()
    notifications.outcome(petition, _("%(target)s answered “%(title)s”")
                          % {"title": petition.title, "target": petition.target})
    return petition


def close_expired_petitions(now=None) -> int:
    """Store ``closed`` on every published petition past its deadline; return how many."""
    now = now or timezone.now()
    return Petition.objects.filter(lapsed_q(now)).update(
        status=Status.CLOSED, closed_at=F("closes_at"), updated_at=now)
