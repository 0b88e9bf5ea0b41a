"""Sanctions on members, site-wide: warning, suspension for a period, block; and lifting them."""
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.errors import Invalid, NotAllowed
from core.moderation import kinds
from core.moderation.log import log_action
from core.moderation.models import ModerationAction
from core.moderation.roles import is_moderator
from core.notifications.services import in_language_of, notify

MAX_SUSPENSION_DAYS = 365


def _require_site_moderator(moderator, member):
    if not is_moderator(moderator):
        raise NotAllowed(_("Only the site's moderators may sanction members."))
    if member.pk == moderator.pk:
        raise Invalid("handle", _("You cannot sanction yourself."))
    if member.is_superuser or is_moderator(member):
        raise NotAllowed(_("Moderators cannot sanction other moderators here."))


@transaction.atomic
def warn(moderator, member, *, reason) -> ModerationAction:
    _require_site_moderator(moderator, member)
    action = log_action(moderator, ModerationAction.Kind.WARN, member=member, reason=reason)
    with in_language_of(member):
        notify(member, kinds.WARNING, title=_("A warning from the moderators"), body=reason)
    return action


@transaction.atomic
def suspend(moderator, member, *, days: int, reason) -> ModerationAction:
    """Deactivate the account for ``days``; ``lift_expired_suspensions`` reactivates it."""
    _require_site_moderator(moderator, member)
    if not 1 <= days <= MAX_SUSPENSION_DAYS:
        raise Invalid("days", _("Between 1 and %(max)d days.") % {"max": MAX_SUSPENSION_DAYS})
    until = timezone.now() + timedelta(days=days)
    _deactivate(member)
    action = log_action(moderator, ModerationAction.Kind.SUSPEND, member=member, reason=reason,
                        until=until)
    with in_language_of(member):
        notify(member, kinds.ACCOUNT_SUSPENDED,
               title=_("Your account is suspended until %(date)s")
               % {"date": date_format(until, "DATE_FORMAT")}, body=reason)
    return action


@transaction.atomic
def block_member(moderator, member, *, reason) -> ModerationAction:
    """Deactivate the account with no end date."""
    _require_site_moderator(moderator, member)
    _deactivate(member)
    action = log_action(moderator, ModerationAction.Kind.BLOCK, member=member, reason=reason)
    with in_language_of(member):
        notify(member, kinds.ACCOUNT_BLOCKED, title=_("Your account was blocked"), body=reason)
    return action


@transaction.atomic
def reinstate(moderator, member, *, reason="") -> ModerationAction:
    _require_site_moderator(moderator, member)
    return _reactivate(member, moderator, reason)


def _deactivate(member):
    get_user_model().objects.filter(pk=member.pk).update(is_active=False)
    member.is_active = False
    # Signed-in sessions end at once: Django checks is_active on every request.


def _reactivate(member, moderator, reason):
    get_user_model().objects.filter(pk=member.pk).update(is_active=True)
    member.is_active = True
    action = log_action(moderator, ModerationAction.Kind.REINSTATE, member=member, reason=reason)
    with in_language_of(member):
        notify(member, kinds.ACCOUNT_REINSTATED, title=_("Your account is active again"))
    return action


def lift_expired_suspensions(now=None) -> int:
    """Reactivate members whose latest sanction is a suspension that has ended."""
    now = now or timezone.now()
    latest = ModerationAction.objects.filter(
        member=OuterRef("pk"),
        kind__in=[ModerationAction.Kind.SUSPEND, ModerationAction.Kind.BLOCK,
                  ModerationAction.Kind.REINSTATE]).order_by("-created_at")
    due = get_user_model().objects.filter(is_active=False).annotate(
        last_kind=Subquery(latest.values("kind")[:1]),
        last_until=Subquery(latest.values("until")[:1]),
    ).filter(last_kind=ModerationAction.Kind.SUSPEND, last_until__lte=now)
    lifted = 0
    for member in due:
        with transaction.atomic():
            _reactivate(member, None, _("The suspension ended."))
        lifted += 1
    return lifted
