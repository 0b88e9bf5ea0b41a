"""PrivacyHandler of core.moderation: the blocks a member made (and received, for erasure)."""
from django.utils.translation import gettext_lazy as _

from core.moderation.models import Block
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
