"""log_action(): every moderation decision goes to the moderation history and the audit log."""
from django.contrib.contenttypes.models import ContentType

from core.moderation.models import ModerationAction
from core.privacy.audit import record


def log_action(moderator, kind, *, member=None, target=None, report=None, reason="",
               until=None) -> ModerationAction:
    action = ModerationAction.objects.create(
        kind=kind, moderator=moderator, member=member, report=report, reason=reason, until=until,
        target_type=ContentType.objects.get_for_model(target) if target is not None else None,
        target_id=str(target.pk) if target is not None else "")
    # The reason may quote the member: the audit line keeps only who, what, when, on what.
    record(moderator, f"moderation.{kind}", subject=member, target=target)
    return action
