"""Venues in and out: plain columns only, so the list is one lean query."""
from rest_framework import serializers

from core.privacy.audiences import Audience
from plugins.agenda.models import FEATURES, Venue


class VenueSerializer(serializers.ModelSerializer):
    audience = serializers.ChoiceField(choices=Audience.choices, default=Audience.PUBLIC)

    class Meta:
        model = Venue
        fields = ["id", "name", "address", "postcode", "city", "region", "country", "audience",
                  *FEATURES, "accessibility_notes", "created_at"]
        read_only_fields = ["id", "created_at"]
