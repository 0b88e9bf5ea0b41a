"""What a hidden object's owner reads about it: ``hidden`` and the reason moderators gave.

Hidden objects reach only their owner and the site's moderators (``core.privacy.rule``), so
these fields describe the moderation to the people who may know of it; every plugin's API shows
them the same way: ``HiddenField`` and ``HiddenReasonField`` on its serializer, and for a lean
list ``HIDDEN_FIELDS`` in ``computed_fields``, ``"hidden_at"`` in ``source_columns`` and
``mark_hidden(model, rows)`` in ``complete_rows``.
"""
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.moderation.models import ModerationAction

HIDDEN_FIELDS = ("hidden", "hidden_reason")


def hidden_reasons(model, pks) -> dict[str, str]:
    """{str(pk): the reason of the latest hiding} for the given objects, in one query."""
    keys = [str(pk) for pk in pks]
    if not keys:
        return {}
    actions = (ModerationAction.objects
               .filter(kind=ModerationAction.Kind.HIDE, target_id__in=keys,
                       target_type=ContentType.objects.get_for_model(model))
               .order_by("target_id", "created_at").values_list("target_id", "reason"))
    return dict(actions)  # the latest hiding of each object comes last and wins


def mark_hidden(model, rows, *, id_field="id") -> None:
    """Set ``hidden`` and ``hidden_reason`` on a page of lean rows (they hold ``hidden_at``)."""
    reasons = hidden_reasons(model, [row[id_field] for row in rows if row["hidden_at"]])
    for row in rows:
        row["hidden"] = row["hidden_at"] is not None
        row["hidden_reason"] = reasons.get(str(row[id_field]), "") if row["hidden"] else None


class HiddenField(serializers.BooleanField):
    """``true`` while moderators hide the object (only its owner and moderators see it then)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", _("Hidden by moderators: only you and they see it."))
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance):
        return instance.hidden_at is not None


class HiddenReasonField(serializers.CharField):
    """The reason moderators gave when hiding the object; ``null`` while it is not hidden."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", _("Why moderators hid it (null when it is not hidden)."))
        super().__init__(source="*", read_only=True, allow_null=True, **kwargs)

    def to_representation(self, instance):
        if instance.hidden_at is None:
            return None
        return hidden_reasons(type(instance), [instance.pk]).get(str(instance.pk), "")
