"""How pages point to the core's communities, and how the API shows such a link."""
from rest_framework import serializers


class CommunityLinkSerializer(serializers.Serializer):
    """A community as a page shows it: its public id, name and slug, never its members."""

    id = serializers.UUIDField()
    name = serializers.CharField()
    slug = serializers.SlugField()

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(*args, **kwargs)
