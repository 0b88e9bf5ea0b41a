"""DRF serializers of the member's privacy endpoints: consents, policy, export, erasure."""
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.privacy.purposes import purpose_choices


class ConsentDecisionSerializer(serializers.Serializer):
    """A decision, as kept in the history of a purpose."""

    granted = serializers.BooleanField()
    decided_at = serializers.DateTimeField()
    policy_version = serializers.CharField(source="policy_version.version")


class PurposeField(serializers.ChoiceField):
    """A consent purpose among those the enabled apps declare (read when the field is built)."""

    def __init__(self, **kwargs):
        super().__init__(choices=purpose_choices(), **kwargs)


class ConsentStateSerializer(serializers.Serializer):
    """The decision in force about one purpose, and every earlier one."""

    purpose = PurposeField()
    label = serializers.CharField()
    granted = serializers.BooleanField()
    granted_at = serializers.DateTimeField(allow_null=True)
    withdrawn_at = serializers.DateTimeField(allow_null=True)
    policy_version = serializers.CharField(allow_null=True)
    needs_renewal = serializers.BooleanField(
        help_text=_("Granted under an older version of the privacy policy."))
    covers = serializers.CharField(help_text=_("The data this purpose covers."))
    on_withdrawal = serializers.CharField(
        help_text=_("What withdrawing the consent does to the data already stored."))
    history = ConsentDecisionSerializer(many=True)


class ConsentsSerializer(serializers.Serializer):
    policy_version = serializers.CharField(allow_null=True,
                                           help_text=_("The privacy policy version in force."))
    purposes = ConsentStateSerializer(many=True)


class ConsentRequestSerializer(serializers.Serializer):
    purpose = PurposeField()
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
