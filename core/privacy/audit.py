"""record(): the one way to write to the audit log (who, what, when, about whom, on what)."""
from django.contrib.contenttypes.models import ContentType

from core.privacy.models import AuditEntry


def record(actor, action: str, *, subject=None, target=None, detail: str = "") -> AuditEntry:
    """Record that ``actor`` did ``action`` (e.g. "privacy.export_viewed", "moderation.hide").

    ``subject`` is the member concerned, ``target`` any model instance. Keep ``detail`` free of
    personal strings where possible: it is emptied when the actor or subject is erased.
    """
    actor = actor if actor is not None and actor.is_authenticated else None
    target_type = target_id = None
    if target is not None:
        target_type = ContentType.objects.get_for_model(target)
        target_id = str(target.pk)
    return AuditEntry.objects.create(actor=actor, action=action, subject=subject,
                                     target_type=target_type, target_id=target_id or "",
                                     detail=detail)
