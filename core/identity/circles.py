"""The rules of circles: a member invites another by handle; the invitee answers; either leaves.

``circle`` content follows at once: visible_to() reads the accepted links on every query.
"""
from django.db import IntegrityError, transaction
from django.db.models import Case, F, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.errors import Conflict, Invalid, NotAllowed, NotFound
from core.identity.handles import member_by_handle
from core.identity.models import CircleMembership
from core.notifications.kinds import Answers, NotificationKind
from core.notifications.services import in_language_of, notify
from core.privacy.relations import blocked_either_way, ensure_not_blocked

CIRCLE_INVITATION = "privacy.circle_invitation"


def _invitation_notified(notification) -> CircleMembership:
    """The invitation a circle notification is about, received by its recipient."""
    link = None
    if notification.target_id.isdigit():  # notifications older than their target: none
        link = (CircleMembership.objects.select_related("owner__profile")
                .filter(pk=int(notification.target_id), member_id=notification.recipient_id)
                .first())
    if link is None:
        raise NotFound(_("This invitation no longer exists."))
    return link


def _describe_invitation(notification) -> str:
    link = _invitation_notified(notification)
    if link.status != CircleMembership.Status.PENDING:
        raise Conflict(_("This invitation has already been answered."))
    return _("%(handle)s invites you into their circle, as: %(relation)s. The members of a "
             "circle see what its owner shares with their circle; you can leave it at any "
             "time.") % {"handle": link.owner.profile.handle,
                         "relation": link.get_relation_display()}


def _accept_invitation(notification) -> str:
    handle = _invitation_notified(notification).owner.profile.handle
    answer(notification.recipient, handle, accept=True)
    return _("You are now in the circle of %(handle)s.") % {"handle": handle}


def _decline_invitation(notification) -> str:
    handle = _invitation_notified(notification).owner.profile.handle
    answer(notification.recipient, handle, accept=False)
    return _("You declined the invitation of %(handle)s.") % {"handle": handle}


KINDS = [NotificationKind(CIRCLE_INVITATION,
                          gettext_lazy("A member invites you into their circle"),
                          email_by_default=True,
                          answers=Answers(describe=_describe_invitation,
                                          accept=_accept_invitation,
                                          decline=_decline_invitation))]


def links_of(member):
    """Every link of ``member``'s circle, both ways, annotated with the other member's handle
    and the direction seen from ``member``'s side (sent: they invited; received: invited)."""
    sent = Q(owner=member)
    return (CircleMembership.objects.filter(sent | Q(member=member))
            .annotate(other_handle=Case(When(sent, then=F("member__profile__handle")),
                                        default=F("owner__profile__handle")),
                      direction=Case(When(sent, then=Value("sent")), default=Value("received"))))


def invite(owner, handle: str, relation: str) -> CircleMembership:
    """``owner`` invites the member with ``handle`` into their circle, as ``relation``."""
    member = member_by_handle(handle)
    if member.pk == owner.pk:
        raise Invalid("handle", _("You cannot invite yourself into your circle."))
    ensure_not_blocked(owner, member)
    try:
        with transaction.atomic():
            link = CircleMembership.objects.create(owner=owner, member=member, relation=relation)
    except IntegrityError:  # the unique (owner, member) constraint: already invited
        raise Conflict(_("You have already invited this member.")) from None
    with in_language_of(member):
        notify(member, CIRCLE_INVITATION,
               title=_("%(handle)s invites you into their circle")
               % {"handle": owner.profile.handle}, target=link, url="/me/circle/")
    return link


def _received(member, handle: str) -> CircleMembership:
    """The invitation ``member`` received from ``handle``, locked for update, or a 404."""
    link = (CircleMembership.objects.select_for_update()
            .filter(member=member, owner__profile__handle=handle).first())
    if link is None:
        raise NotFound(_("You have no invitation from this member."))
    return link


def answer(member, handle: str, accept: bool) -> CircleMembership:
    """The invitee accepts or declines a pending invitation (once)."""
    with transaction.atomic():
        link = _received(member, handle)
        if link.status != CircleMembership.Status.PENDING:
            raise Conflict(_("This invitation has already been answered."))
        if accept and blocked_either_way(link.owner_id, member.pk):
            raise NotAllowed(_("You cannot join this member's circle."))
        link.status = (CircleMembership.Status.ACCEPTED if accept
                       else CircleMembership.Status.DECLINED)
        link.responded_at = timezone.now()
        link.save(update_fields=["status", "responded_at"])
    return link


def leave(member, handle: str) -> None:
    """The invitee leaves the circle of ``handle`` (or forgets the invitation)."""
    deleted, _rows = CircleMembership.objects.filter(
        member=member, owner__profile__handle=handle).delete()
    if not deleted:
        raise NotFound(_("You are not in this member's circle."))


def remove(owner, handle: str) -> None:
    """The owner removes ``handle`` from their circle (or withdraws the invitation)."""
    deleted, _rows = CircleMembership.objects.filter(
        owner=owner, member__profile__handle=handle).delete()
    if not deleted:
        raise NotFound(_("This member is not in your circle."))
