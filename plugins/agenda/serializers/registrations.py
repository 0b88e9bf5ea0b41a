"""Registrations, the waiting list and RSVPs in and out (handles only, never an e-mail)."""
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.money import MoneySerializer
from plugins.agenda.models import Registration, RegistrationStatus, RsvpAnswer
from plugins.agenda.models.events import MAX_COMPANIONS
from plugins.agenda.serializers.fields import FeatureListField


OCCURRENCE_HELP = _("The date registered for, when the event takes registrations for one date "
                    "at a time (its registration_scope is occurrence); null for the series.")


class RegisterSerializer(serializers.Serializer):
    occurrence = serializers.UUIDField(
        required=False, allow_null=True, default=None,
        help_text=_("Required when the event takes registrations for one date at a time (its "
                    "registration_scope is occurrence): the id of that occurrence. Left out "
                    "otherwise."))
    companions = serializers.IntegerField(min_value=0, max_value=MAX_COMPANIONS, default=0)
    shown_to_participants = serializers.BooleanField(default=False)
    shared_needs = FeatureListField(required=False, default=list)
    shared_needs_note = serializers.CharField(max_length=1000, required=False, allow_blank=True,
                                              default="")


class RegistrationChangeSerializer(serializers.Serializer):
    shown_to_participants = serializers.BooleanField(required=False)
    shared_needs = FeatureListField(required=False)
    shared_needs_note = serializers.CharField(max_length=1000, required=False, allow_blank=True)


class MyRegistrationSerializer(serializers.ModelSerializer):
    """The registrant's own view of their registration."""

    event = serializers.UUIDField(source="event_id", read_only=True)
    occurrence = serializers.UUIDField(source="occurrence_id", read_only=True, allow_null=True,
                                       help_text=OCCURRENCE_HELP)
    status = serializers.ChoiceField(choices=RegistrationStatus.choices, read_only=True)
    shared_needs = FeatureListField(read_only=True)
    amount_due = MoneySerializer(read_only=True)

    class Meta:
        model = Registration
        fields = ["id", "event", "occurrence", "status", "companions", "position",
                  "shown_to_participants",
                  "shared_needs", "shared_needs_note", "amount_due", "offer_expires_at",
                  "created_at"]
        read_only_fields = fields


class OrganiserRegistrationSerializer(serializers.ModelSerializer):
    """What an organiser sees: the handle, the party, the needs the registrant chose to share."""

    handle = serializers.CharField(source="member.profile.handle", read_only=True)
    occurrence = serializers.UUIDField(source="occurrence_id", read_only=True, allow_null=True,
                                       help_text=OCCURRENCE_HELP)
    status = serializers.ChoiceField(choices=RegistrationStatus.choices, read_only=True)
    shared_needs = FeatureListField(read_only=True)

    class Meta:
        model = Registration
        fields = ["id", "handle", "occurrence", "status", "companions", "position", "shared_needs",
                  "shared_needs_note", "offer_expires_at", "created_at"]
        read_only_fields = fields


class ParticipantSerializer(serializers.ModelSerializer):
    """What another participant sees: who chose to be shown, nothing more."""

    handle = serializers.CharField(source="member.profile.handle", read_only=True)

    class Meta:
        model = Registration
        fields = ["id", "handle"]
        read_only_fields = fields


class WaitingPlaceSerializer(serializers.ModelSerializer):
    handle = serializers.CharField(source="member.profile.handle", read_only=True)
    occurrence = serializers.UUIDField(source="occurrence_id", read_only=True, allow_null=True,
                                       help_text=OCCURRENCE_HELP)

    class Meta:
        model = Registration
        fields = ["id", "handle", "occurrence", "position", "companions", "created_at"]
        read_only_fields = fields


class RsvpSerializer(serializers.Serializer):
    answer = serializers.ChoiceField(choices=RsvpAnswer.choices)


class RsvpCountsSerializer(serializers.Serializer):
    """Counts below the site's minimum group size are null, with ``suppressed`` true."""

    going = serializers.IntegerField(allow_null=True)
    maybe = serializers.IntegerField(allow_null=True)
    not_going = serializers.IntegerField(allow_null=True)
    suppressed = serializers.BooleanField()


class RsvpStateSerializer(serializers.Serializer):
    mine = serializers.ChoiceField(choices=RsvpAnswer.choices, allow_null=True)
    counts = RsvpCountsSerializer()
