"""A tiny API for Note, built the way plugins build theirs: reads from visible_to, writes
checked by IsOwnerOrManager."""
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.permissions import AllowAny, IsAuthenticatedOrReadOnly
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.idempotency import IDEMPOTENCY_KEY_PARAMETER, idempotent
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



def create_note(owner, data) -> Note:
    """The write behind NoteCreateView (tests slow it down to overlap two requests)."""
    return Note.objects.create(owner=owner, **data)


class NoteCreateView(APIView):
    """POST a note: a write that visibly runs twice unless the Idempotency-Key stops it."""

    permission_classes = [AllowAny]

    @extend_schema(parameters=[IDEMPOTENCY_KEY_PARAMETER], request=NoteSerializer,
                   responses={201: NoteSerializer})
    @idempotent(scope="testapp.note")
    def post(self, request):
        serializer = NoteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        owner = request.user if request.user.is_authenticated else None
        note = create_note(owner, serializer.validated_data)
        return Response(NoteSerializer(note).data, status=201)


class KeyedNoteCreateView(NoteCreateView):
    """The same write, refused without an Idempotency-Key."""

    @extend_schema(parameters=[IDEMPOTENCY_KEY_PARAMETER], request=NoteSerializer,
                   responses={201: NoteSerializer})
    @idempotent(scope="testapp.note", required=True)
    def post(self, request):
        return NoteCreateView.post.__wrapped__(self, request)
