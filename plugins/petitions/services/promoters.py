"""Co-promoters: the author invites members by handle; they count once they accept."""
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import Conflict, NotFound
from plugins.petitions import notifications
from plugins.petitions.models import Promoter
from plugins.petitions.state import Status

#: States in which the promoters may still grow.
RECRUITING_STATES = (Status.DRAFT, Status.REJECTED, Status.SUBMITTED, Status.PUBLISHED)


def invite(petition, *, inviter, member) -> Promoter:
    """Invite ``member`` (from the handle the inviter typed: HandleField, member_by_handle)."""
    if petition.state not in RECRUITING_STATES:
        raise Conflict(_("This petition no longer takes new promoters."))
    try:
        with transaction.atomic():
            promoter = Promoter.objects.create(petition=petition, member=member,
                                               invited_by=inviter)
    except IntegrityError:
        raise Conflict(_("This member is already a promoter or invited.")) from None
    notifications.promoter_invited(petition, member)
    return promoter


def _invitation_of(petition, member) -> Promoter:
    promoter = (Promoter.objects.filter(petition=petition, member=member)
                .select_related("member__profile").first())
    if promoter is None:
        raise NotFound(_("You are not invited to promote this petition."))
    return promoter


def accept(petition, member) -> Promoter:
    promoter = _invitation_of(petition, member)
    if petition.state not in RECRUITING_STATES:
        raise Conflict(_("This petition no longer takes new promoters."))
    # Conditional update: two accepts at once record one acceptance time.
    Promoter.objects.filter(pk=promoter.pk, status=Promoter.Status.INVITED).update(
        status=Promoter.Status.ACCEPTED, accepted_at=timezone.now())
    promoter.refresh_from_db(fields=["status", "accepted_at"])
    return promoter


def decline(petition, member) -> None:
    promoter = _invitation_of(petition, member)
    if promoter.member_id == petition.owner_id:
        raise Conflict(_("The author cannot leave their own petition."))
    promoter.delete()
