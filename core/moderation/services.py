"""The rules of moderation: reporting, hiding and restoring content, member-to-member blocks."""
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.communities.models import Membership
from core.errors import Conflict, Invalid, NotAllowed, NotFound
from core.moderation import kinds
from core.moderation.log import log_action
from core.moderation.models import Block, ModerationAction, Report
from core.moderation.roles import is_moderator, site_moderators
from core.moderation.targets import get_by_text_id, moderatable_by
from core.notifications.services import in_language_of, notify


# --- Reports ----------------------------------------------------------------------------------
def report(reporter, model, object_id, *, reason, comment="") -> Report:
    """Report an object the reporter can see (404 otherwise); one open report per object."""
    target = get_by_text_id(model._default_manager.visible_to(reporter), object_id)
    if target.owner_id == reporter.pk:
        raise Invalid("id", _("You cannot report your own content."))
    try:
        with transaction.atomic():
            created = Report.objects.create(
                reporter=reporter, target_type=ContentType.objects.get_for_model(model),
                target_id=str(target.pk), community_id=target.community_id, reason=reason,
                comment=comment)
    except IntegrityError:
        raise Conflict(_("You already reported this; moderators will review it.")) from None
    for moderator in _report_reviewers(target):
        with in_language_of(moderator):
            notify(moderator, kinds.REPORT_RECEIVED, title=_("New report to review"),
                   target=target, url="/admin/moderation/reports/")
    return created


def _report_reviewers(target):
    """The moderators of the target's community; the site's moderators otherwise."""
    if target.community_id:
        reviewers = list(get_user_model().objects.select_related("profile").filter(
            is_active=True, pk__in=Membership.objects.moderators()
            .filter(community_id=target.community_id).values("member_id")))
        if reviewers:
            return reviewers
    return list(site_moderators().select_related("profile"))


def _close_reports(target, moderator, state) -> list[Report]:
    """Resolve every open report on ``target``; their reporters are told, without details."""
    reports = list(Report.objects.select_for_update(of=("self",)).select_related(
        "reporter__profile").filter(
        target_type=ContentType.objects.get_for_model(target), target_id=str(target.pk),
        state=Report.State.OPEN))
    Report.objects.filter(pk__in=[r.pk for r in reports]).update(
        state=state, resolved_at=timezone.now(), resolved_by=moderator)
    for closed in reports:
        if closed.reporter_id:
            with in_language_of(closed.reporter):
                notify(closed.reporter, kinds.REPORT_RESOLVED,
                       title=_("Thank you: moderators reviewed your report"))
    return reports


# --- Content ----------------------------------------------------------------------------------
def moderates_anything(user) -> bool:
    """Site moderators, and moderators of at least one community."""
    return bool(user is not None and user.is_authenticated and (
        is_moderator(user) or Membership.objects.moderators().filter(member=user).exists()))


def _moderated_object(moderator, model, object_id):
    if not moderates_anything(moderator):
        raise NotAllowed(_("Only moderators may do this."))
    return get_by_text_id(moderatable_by(model, moderator).select_for_update(), object_id)


@transaction.atomic
def hide(moderator, model, object_id, *, reason=""):
    """Hide an object from everyone but its owner and the site's moderators."""
    target = _moderated_object(moderator, model, object_id)
    if target.hidden_at is None:
        target.hidden_at = timezone.now()
        model._default_manager.filter(pk=target.pk).update(hidden_at=target.hidden_at)
    reports = _close_reports(target, moderator, Report.State.ACTIONED)
    log_action(moderator, ModerationAction.Kind.HIDE, member=target.owner, target=target,
               report=reports[0] if reports else None, reason=reason)
    if target.owner_id:
        with in_language_of(target.owner):
            notify(target.owner, kinds.CONTENT_HIDDEN, title=_("Moderators hid one of your posts"),
                   body=reason, target=target)
    return target


@transaction.atomic
def restore(moderator, model, object_id, *, reason=""):
    """Show a hidden object again. The moderator judged it acceptable, so its open reports
    (an automatic one sent by a plugin's screening included) are closed as dismissed."""
    target = _moderated_object(moderator, model, object_id)
    if target.hidden_at is not None:
        target.hidden_at = None
        model._default_manager.filter(pk=target.pk).update(hidden_at=None)
    reports = _close_reports(target, moderator, Report.State.DISMISSED)
    log_action(moderator, ModerationAction.Kind.RESTORE, member=target.owner, target=target,
               report=reports[0] if reports else None, reason=reason)
    if target.owner_id:
        with in_language_of(target.owner):
            notify(target.owner, kinds.CONTENT_RESTORED,
                   title=_("Moderators restored one of your posts"), target=target)
    return target


@transaction.atomic
def dismiss(moderator, report_id, *, reason=""):
    """Close a report without acting on its target."""
    open_report = Report.objects.select_for_update().filter(pk=report_id).first()
    if open_report is None:
        raise NotFound
    model = open_report.target_type.model_class()
    target = _moderated_object(moderator, model, open_report.target_id)
    if open_report.state != Report.State.OPEN:
        raise Conflict(_("This report is already resolved."))
    _close_reports(target, moderator, Report.State.DISMISSED)
    log_action(moderator, ModerationAction.Kind.DISMISS, member=target.owner, target=target,
               report=open_report, reason=reason)
    open_report.refresh_from_db()
    return open_report


# --- Member-to-member blocks (their effect on reaching a member: core.privacy.relations) -------
def block(blocker, blocked) -> Block:
    if blocker.pk == blocked.pk:
        raise Invalid("handle", _("You cannot block yourself."))
    try:
        with transaction.atomic():
            return Block.objects.create(blocker=blocker, blocked=blocked)
    except IntegrityError:
        raise Conflict(_("You already blocked this member.")) from None


def unblock(blocker, handle: str) -> None:
    deleted, _rows = Block.objects.filter(blocker=blocker,
                                          blocked__profile__handle=handle).delete()
    if not deleted:
        raise NotFound(_("You have not blocked this member."))
