"""JSON shapes of reports, moderation requests and member-to-member blocks."""
from django.contrib.contenttypes.models import ContentType
from rest_framework import serializers

from core.errors import Invalid
from core.identity.fields import HandleField
from core.moderation.models import Block, Report
from core.moderation.sanctions import MAX_SUSPENSION_DAYS
from core.moderation.targets import moderatable_model


class TargetSerializer(serializers.Serializer):
    type = serializers.CharField(max_length=100, help_text='"app_label.model", e.g. "agenda.event"')
    id = serializers.CharField(max_length=64)

    def validate_type(self, value):
        try:
            self.context["model"] = moderatable_model(value)
        except Invalid as refused:  # collected with the other fields' errors
            raise serializers.ValidationError(refused.message) from None
        return value


class ReportCreateSerializer(TargetSerializer):
    reason = serializers.ChoiceField(choices=Report.Reason.choices)
    comment = serializers.CharField(max_length=2000, required=False, allow_blank=True,
                                    default="")


def _target_label(report) -> str:
    content_type = ContentType.objects.get_for_id(report.target_type_id)
    return f"{content_type.app_label}.{content_type.model}"


class ReportSerializer(serializers.ModelSerializer):
    type = serializers.SerializerMethodField()
    id = serializers.UUIDField(read_only=True)
    object_id = serializers.CharField(source="target_id", read_only=True)

    class Meta:
        model = Report
        fields = ["id", "type", "object_id", "reason", "comment", "state", "created_at",
                  "resolved_at"]
        read_only_fields = fields

    def get_type(self, report) -> str:
        return _target_label(report)


class QueuedReportSerializer(ReportSerializer):
    """A report as moderators see it: never who made it."""

    community = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta(ReportSerializer.Meta):
        fields = [*ReportSerializer.Meta.fields, "community"]
        read_only_fields = fields


class ContentDecisionSerializer(TargetSerializer):
    reason = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class ContentStateSerializer(serializers.Serializer):
    type = serializers.CharField()
    id = serializers.CharField()
    hidden = serializers.BooleanField()


class DismissSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class SanctionSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)


class SuspensionSerializer(SanctionSerializer):
    days = serializers.IntegerField(min_value=1, max_value=MAX_SUSPENSION_DAYS)


class SanctionResultSerializer(serializers.Serializer):
    action = serializers.CharField()
    handle = serializers.CharField()
    until = serializers.DateTimeField(allow_null=True)
    is_active = serializers.BooleanField()


class BlockCreateSerializer(serializers.Serializer):
    handle = HandleField(missing_is_404=True, help_text="the member to block")


class BlockSerializer(serializers.ModelSerializer):
    handle = serializers.CharField(source="blocked.profile.handle")

    class Meta:
        model = Block
        fields = ["handle", "created_at"]
        read_only_fields = fields


