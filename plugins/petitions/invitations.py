"""A promoter invitation answered from its e-mailed link: the notification names the petition
and the invited member; the answer goes through the services the API calls."""
from django.utils.translation import gettext as _

from core.errors import Conflict, NotFound
from core.notifications.kinds import Answers
from plugins.petitions import queries, services
from plugins.petitions.models import Promoter


def _invitation_notified(notification):
    member, gone = notification.recipient, NotFound(_("You are not invited to promote this petition."))
    try:  # a declined draft is out of the member's sight: the same answer
        petition = queries.petition_for(member, notification.target_id, whole=False)
    except NotFound:
        raise gone from None
    promoter = (Promoter.objects.select_related("invited_by__profile")
                .filter(petition=petition, member=member).first())
    if promoter is None:
        raise gone
    return petition, promoter


def describe(notification) -> str:
    petition, promoter = _invitation_notified(notification)
    if promoter.status != Promoter.Status.INVITED:
        raise Conflict(_("This invitation has already been answered."))
    inviter = promoter.invited_by
    values = {"title": petition.title,
              "handle": inviter.profile.handle if inviter is not None else ""}
    if inviter is None:
        return _("You are invited to promote the petition “%(title)s”: its promoters carry it "
                 "with its author and are named on it.") % values
    return _("%(handle)s invites you to promote the petition “%(title)s”: its promoters carry "
             "it with its author and are named on it.") % values


def accept(notification) -> str:
    petition, _promoter = _invitation_notified(notification)
    services.accept(petition, notification.recipient)
    return _("You now promote “%(title)s”.") % {"title": petition.title}


def decline(notification) -> str:
    petition, _promoter = _invitation_notified(notification)
    services.decline(petition, notification.recipient)
    return _("You declined to promote “%(title)s”.") % {"title": petition.title}


ANSWERS = Answers(describe=describe, accept=accept, decline=decline)
