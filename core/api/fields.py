"""Serializer fields with the bounds every API input needs: dates in a sane range."""
from datetime import datetime, timezone

from django.db import models
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

#: before 1970, time zones carry local mean time offsets (Paris: +00:09:21) that are not RFC
#: 3339; no date a member or an editor enters in Stent lies outside these years
EARLIEST = datetime(1970, 1, 1, tzinfo=timezone.utc)
LATEST = datetime(2200, 1, 1, tzinfo=timezone.utc)


class BoundedDateTimeField(serializers.DateTimeField):
    default_error_messages = {
        "out_of_range": _("Enter a date between 1970 and 2199."),
    }

    def to_internal_value(self, value):
        parsed = super().to_internal_value(value)
        if not EARLIEST <= parsed < LATEST:
            self.fail("out_of_range")
        return parsed


def bound_model_date_times():
    """Every ModelSerializer maps a model's DateTimeField to the bounded field."""
    serializers.ModelSerializer.serializer_field_mapping[models.DateTimeField] = (
        BoundedDateTimeField)
