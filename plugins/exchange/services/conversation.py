"""A request's private conversation, its report to moderators, and the thanks after hand-over."""
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _, gettext_lazy

from core.errors import Conflict, Invalid, NotAllowed
from core.moderation.models import Report
from core.moderation.roles import site_moderators
from core.privacy.relations import ensure_not_blocked
from plugins.exchange import notifications
from plugins.exchange.models import ExchangeRequest, Message, RequestStatus, Thanks

CLOSED = (RequestStatus.DECLINED, RequestStatus.WITHDRAWN)
AFTER_HANDOVER = (RequestStatus.HANDED_OVER, RequestStatus.RECEIVED, RequestStatus.RETURNED)


def _other_member(request, user):
    return request.listing.owner if user.pk == request.owner_id else request.owner


def _check_contact(request, author) -> None:
    """A block between the two members, either way, ends their exchange's conversation."""
    other = _other_member(request, author)
    if other is not None:
        ensure_not_blocked(author, other)


def post_message(request: ExchangeRequest, author, *, body: str) -> Message:
    if not request.involves(author):
        raise NotAllowed(_("Only the two members of this exchange may write here."))
    _check_contact(request, author)
    if request.status in CLOSED:
        raise Conflict(_("This conversation is closed."))
    if not body.strip():
        raise Invalid("body", _("Write a message."))
    message = Message.objects.create(request=request, owner=author, body=body.strip())
    notifications.send([_other_member(request, author)], "exchange.message",
                       gettext_lazy("You have a new message about an exchange"))
    return message


@transaction.atomic
def report_conversation(request: ExchangeRequest, reporter, *, reason: str,
                        comment: str = "") -> Report:
    """One member lets moderators read the conversation, through the core's report queue."""
    if not request.involves(reporter):
        raise NotAllowed(_("Only the two members of this exchange may report it."))
    if reason not in Report.Reason.values:
        raise Invalid("reason", _("Choose one of: %s.") % ", ".join(Report.Reason.values))
    locked = ExchangeRequest.objects.select_for_update().get(pk=request.pk)
    content_type = ContentType.objects.get_for_model(ExchangeRequest)
    try:
        with transaction.atomic():
            report = Report.objects.create(
                reporter=reporter, target_type=content_type, target_id=str(request.pk),
                community_id=request.listing.community_id, reason=reason, comment=comment)
    except IntegrityError:
        raise Conflict(_("You already reported this; moderators will review it.")) from None
    if locked.reported_at is None:
        ExchangeRequest.objects.filter(pk=request.pk).update(reported_at=timezone.now())
        request.reported_at = timezone.now()
    notifications.send(site_moderators(), "exchange.review_needed",
                       gettext_lazy("A conversation was reported"),
                       url="/admin/moderation/reports/")
    return report


def thank(request: ExchangeRequest, author, *, body: str) -> Thanks:
    if not request.involves(author):
        raise NotAllowed(_("Only the two members of this exchange may leave thanks."))
    _check_contact(request, author)
    if request.status not in AFTER_HANDOVER:
        raise Conflict(_("Thanks come after the hand-over."))
    if not body.strip():
        raise Invalid("body", _("Write a few words."))
    try:
        with transaction.atomic():
            thanks = Thanks.objects.create(request=request, owner=author, body=body.strip())
    except IntegrityError:
        raise Conflict(_("You already thanked for this exchange.")) from None
    notifications.send([_other_member(request, author)], "exchange.thanks",
                       gettext_lazy("Someone thanked you for an exchange"))
    return thanks
