"""A tiny API for Note, built the way plugins build theirs: reads from visible_to, writes
checked by IsOwnerOrManager."""
from rest_framework import mixins, serializers, viewsets
from rest_framework.permissions import IsAuthenticatedOrReadOnly

from core.privacy.permissions import IsOwnerOrManager
from tests.testapp.models import Note


class NoteSerializer(serializers.ModelSerializer):
    owner = serializers.SerializerMethodField()

    class Meta:
        model = Note
        fields = ["id", "title", "body", "audience", "owner"]
        read_only_fields = ["id", "owner"]

    def get_owner(self, note) -> str | None:
        return note.owner.profile.handle if note.owner else None


class NoteViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.UpdateModelMixin,
                  viewsets.GenericViewSet):
    serializer_class = NoteSerializer
    permission_classes = [IsAuthenticatedOrReadOnly, IsOwnerOrManager]
    http_method_names = ["get", "patch", "head", "options"]
    ordering = "-created_at"

    def get_queryset(self):
        return Note.objects.visible_to(self.request.user).select_related("owner__profile")

