"""DRF serializers of the member's privacy endpoints: circle, consents, policy, erasure."""
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.identity.models import CircleMembership
from core.privacy.purposes import Purpose


class CircleLinkSerializer(serializers.ModelSerializer):
    """One link of my circle, seen from my side (rows of ``circles.links_of(me)``)."""

    handle = serializers.CharField(source="other_handle", read_only=True,
                                   help_text=_("The other member's handle."))
    direction = serializers.ChoiceField(
        choices=["sent", "received"], read_only=True,
        help_text=_("sent: I invited them into my circle; received: they invited me."))
    invited_at = serializers.DateTimeField(source="created_at", read_only=True)
    answered_at = serializers.DateTimeField(source="responded_at", read_only=True,
                                            allow_null=True)

    class Meta:
        model = CircleMembership
        fields = ["handle", "direction", "relation", "status", "invited_at", "answered_at"]
        read_only_fields = fields


class CircleInvitationSerializer(serializers.Serializer):
    handle = serializers.CharField(max_length=64)
    relation = serializers.ChoiceField(choices=CircleMembership.Relation.choices)


class ConsentDecisionSerializer(serializers.Serializer):
    """A decision, as kept in the history of a purpose."""

    granted = serializers.BooleanField()
    decided_at = serializers.DateTimeField()
    policy_version = serializers.CharField(source="policy_version.version")


class ConsentStateSerializer(serializers.Serializer):
    """The decision in force about one purpose, and every earlier one."""

    purpose = serializers.ChoiceField(choices=Purpose.choices)
    label = serializers.CharField()
    granted = serializers.BooleanField()
    granted_at = serializers.DateTimeField(allow_null=True)
    withdrawn_at = serializers.DateTimeField(allow_null=True)
    policy_version = serializers.CharField(allow_null=True)
    needs_renewal = serializers.BooleanField(
        help_text=_("Granted under an older version of the privacy policy."))
    history = ConsentDecisionSerializer(many=True)


class ConsentsSerializer(serializers.Serializer):
    policy_version = serializers.CharField(allow_null=True,
                                           help_text=_("The privacy policy version in force."))
    purposes = ConsentStateSerializer(many=True)


class ConsentRequestSerializer(serializers.Serializer):
    purpose = serializers.ChoiceField(choices=Purpose.choices)
    granted = serializers.BooleanField()


class PrivacyPolicySerializer(serializers.Serializer):
    version = serializers.CharField()
    effective_date = serializers.DateField()
    language = serializers.CharField()
    text = serializers.CharField()


class ExportSectionSerializer(serializers.Serializer):
    identifier = serializers.CharField()
    verbose_name = serializers.CharField()
    description = serializers.CharField()
    data = serializers.JSONField()


class ExportSerializer(serializers.Serializer):
    exported_at = serializers.DateTimeField()
    sections = serializers.DictField(child=ExportSectionSerializer())


class ReauthenticationSerializer(serializers.Serializer):
    password = serializers.CharField(trim_whitespace=False, write_only=True)
    totp_code = serializers.CharField(required=False, allow_blank=True, write_only=True,
                                      help_text=_("Required when two-factor sign-in is on."))
