"""API views of core.identity: the member's own profile, avatar and verification; members."""
from django.http import FileResponse, Http404
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.pagination import StentPageNumberPagination
from core.identity import services
from core.identity.models import Condition, Profile, VerificationRequest
from core.identity.serializers import (AvatarSerializer, AvatarUploadSerializer,
                                       ConditionSerializer, MemberSerializer, MeSerializer,
                                       VerificationRequestSerializer)
from core.identity.visibility import profile_view_for
from core.privacy.views import MeErasureMixin

PROFILE_QUERYSET = Profile.objects.select_related("user").prefetch_related("conditions")


class MeView(MeErasureMixin, generics.RetrieveUpdateAPIView):
    """The signed-in member's own profile and privacy settings (e-mail included).

    DELETE (erasure after re-authentication) comes from core.privacy's MeErasureMixin.
    """

    serializer_class = MeSerializer
    permission_classes = [IsAuthenticated]
    http_method_names = ["get", "patch", "delete", "head", "options"]

    def get_object(self):
        return PROFILE_QUERYSET.get(user=self.request.user)

    def perform_update(self, serializer):
        services.update_profile(serializer.instance, serializer.validated_data)


def visible_profile(viewer, handle: str):
    """The profile with this handle and what the viewer may see of it; a 404 if nothing."""
    profile = PROFILE_QUERYSET.filter(handle__iexact=handle).first()
    if profile is None:
        raise Http404
    shown = profile_view_for(viewer, profile)
    if not shown.visible:
        raise Http404
    return profile, shown


class MemberDetailView(generics.RetrieveAPIView):
    """A member by handle: only what the viewer may see; a profile they may not see is a 404."""

    serializer_class = MemberSerializer
    permission_classes = [AllowAny]

    def get_object(self):
        profile, self.profile_view = visible_profile(self.request.user, self.kwargs["handle"])
        return profile

    def get_serializer_context(self):
        return {**super().get_serializer_context(),
                "profile_view": getattr(self, "profile_view", None)}


AVATAR_TYPES = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}


class MemberAvatarView(APIView):
    """A member's avatar image, to a viewer its audience reaches; otherwise a 404.

    Avatars live in the private storage: this is the only way they leave it.
    """

    permission_classes = [AllowAny]

    def perform_content_negotiation(self, request, force=False):
        # An <img> asks for image/*: answer it (the errors stay JSON).
        return super().perform_content_negotiation(request, force=True)

    @extend_schema(responses={
        (200, "image/*"): OpenApiResponse(OpenApiTypes.BINARY, description="The image."),
        404: OpenApiResponse(description="No avatar, or the viewer may not see it.")})
    def get(self, request, handle):
        profile, shown = visible_profile(request.user, handle)
        if not profile.avatar or not shown.shows("avatar"):
            raise Http404
        try:
            image = profile.avatar.open("rb")
        except FileNotFoundError:
            raise Http404
        extension = profile.avatar.name.rsplit(".", 1)[-1]
        response = FileResponse(image, content_type=AVATAR_TYPES.get(extension,
                                                                     "application/octet-stream"))
        # Only the viewer's own cache may keep it: whether it is shown depends on who asks.
        response["Cache-Control"] = "private, max-age=3600"
        patch_vary_headers(response, ["Cookie", "Authorization", "X-Session-Token"])
        return response


class AvatarView(APIView):
    """Replace (multipart upload) or remove the signed-in member's avatar."""

    permission_classes = [IsAuthenticated]
    parser_classes = [MultiPartParser]

    @extend_schema(request={"multipart/form-data": AvatarUploadSerializer},
                   responses=AvatarSerializer)
    def put(self, request):
        upload = AvatarUploadSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        profile = services.replace_avatar(request.user.profile, upload.validated_data["avatar"])
        return Response(AvatarSerializer(profile, context={"request": request}).data)

    @extend_schema(responses={204: None})
    def delete(self, request):
        services.remove_avatar(request.user.profile)
        return Response(status=status.HTTP_204_NO_CONTENT)


class VerificationView(APIView):
    """A health professional's verification request: the latest one's state, or a new one."""

    permission_classes = [IsAuthenticated]
    parser_classes = [MultiPartParser]

    @extend_schema(responses={200: VerificationRequestSerializer,
                              404: OpenApiResponse(description="No request yet.")})
    def get(self, request):
        latest = VerificationRequest.objects.filter(member=request.user).first()
        if latest is None:
            raise Http404
        return Response(VerificationRequestSerializer(latest).data)

    @extend_schema(request={"multipart/form-data": VerificationRequestSerializer},
                   responses={201: VerificationRequestSerializer,
                              409: OpenApiResponse(description="A request is already pending, "
                                                               "or the member is verified.")})
    def post(self, request):
        serializer = VerificationRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        created = services.request_verification(request.user, **serializer.validated_data)
        return Response(VerificationRequestSerializer(created).data,
                        status=status.HTTP_201_CREATED)


class ConditionListView(generics.ListAPIView):
    """The curated vocabulary of conditions members may list on their profile."""

    serializer_class = ConditionSerializer
    permission_classes = [AllowAny]
    pagination_class = StentPageNumberPagination

    def get_queryset(self):
        return Condition.objects.order_by(Condition.name_in_sql(get_language()), "slug")
