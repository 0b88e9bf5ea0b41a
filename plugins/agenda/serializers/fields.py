"""Fields shared by the agenda's serializers."""
from rest_framework import serializers

from plugins.agenda.models.accessibility import FEATURES


class FeatureListField(serializers.ListField):
    """A list of accessibility features (``["step_free", "captions"]``)."""

    child = serializers.ChoiceField(choices=FEATURES)

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", len(FEATURES))
        super().__init__(**kwargs)


class StoredFeaturesField(FeatureListField):
    """The union of an event's and its venue's features, stored as ``,a,b,``."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        from plugins.agenda.models.accessibility import decode_features

        return decode_features(value) if isinstance(value, str) else list(value)
