"""PrivacyHandlers of core.moderation: blocks, reports made, and moderation decisions."""
from django.utils.translation import gettext_lazy as _

from core.moderation.models import Block, ModerationAction, Report
from core.privacy.handlers import PrivacyHandler


class BlockHandler(PrivacyHandler):
    """Exports the blocks the member made. Who blocked them stays out of the export: telling
    would expose the blocker (GDPR art. 15(4)); those rows are erased with the member all the
    same."""

    identifier = "moderation"
    verbose_name = _("Blocked members")
    description = _("The members you blocked.")
    models = (Block,)

    def export(self, member) -> dict:
        blocks = member.blocks_made.select_related("blocked__profile").order_by("created_at")
        return {"blocked": [{"handle": block.blocked.profile.handle,
                             "blocked_at": block.created_at} for block in blocks]}

    def erase(self, member) -> None:
        Block.objects.filter(blocker=member).delete()
        Block.objects.filter(blocked=member).delete()


class ReportsHandler(PrivacyHandler):
    """Reports stay for the moderation history, but lose their reporter and comment; decisions
    about the member lose their reason (it may quote them) and the link to them."""

    identifier = "moderation_reports"
    verbose_name = _("Reports and moderation decisions")
    description = _("What you reported to the moderators, and the moderators' decisions about "
                    "you (warnings, suspensions, hidden posts).")
    models = (Report, ModerationAction)

    def export(self, member) -> dict:
        reports = Report.objects.filter(reporter=member).select_related("target_type")
        decisions = ModerationAction.objects.filter(member=member).select_related("target_type")
        return {
            "reports": [{"type": f"{r.target_type.app_label}.{r.target_type.model}",
                         "id": r.target_id, "reason": r.reason, "comment": r.comment,
                         "state": r.state, "reported_at": r.created_at}
                        for r in reports.order_by("created_at")],
            "decisions_about_me": [{"action": d.kind, "reason": d.reason, "until": d.until,
                                    "at": d.created_at}
                                   for d in decisions.order_by("created_at")],
        }

    def erase(self, member) -> None:
        Report.objects.filter(reporter=member).update(reporter=None, comment="")
        Report.objects.filter(resolved_by=member).update(resolved_by=None)
        ModerationAction.objects.filter(member=member).update(member=None, reason="")
        ModerationAction.objects.filter(moderator=member).update(moderator=None)
