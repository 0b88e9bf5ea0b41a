"""The member's privacy endpoints: circle, consents, export, erasure; the policy in force."""
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from django.utils.translation import get_language
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.lean import LeanListMixin
from core.identity.models import CircleMembership
from core.identity.reauthentication import check_reauthentication
from core.privacy import circles, services
from core.privacy.models import PrivacyPolicyVersion
from core.privacy.serializers import (CircleInvitationSerializer, CircleLinkSerializer,
                                      ConsentRequestSerializer, ConsentsSerializer,
                                      ExportSerializer, PrivacyPolicySerializer,
                                      ReauthenticationSerializer)

DIRECTIONS = {"sent": "owner", "received": "member"}


def link_data(member, link) -> dict:
    """A link as the circle list shows it to ``member``."""
    return CircleLinkSerializer(circles.links_of(member).get(pk=link.pk)).data


class CircleView(LeanListMixin, generics.ListCreateAPIView):
    """My circle, both ways: whom I invited, who invited me; and inviting someone."""

    permission_classes = [IsAuthenticated]
    serializer_class = CircleLinkSerializer
    ordering = "-created_at"

    def get_queryset(self):
        me = self.request.user
        links = circles.links_of(me)
        direction = self.request.query_params.get("direction")
        if direction:
            if direction not in DIRECTIONS:
                raise ValidationError({"direction": ["Expected sent or received."]})
            links = links.filter(**{DIRECTIONS[direction]: me})
        wanted_status = self.request.query_params.get("status")
        if wanted_status:
            if wanted_status not in CircleMembership.Status.values:
                raise ValidationError({"status": [
                    f"Expected one of {', '.join(CircleMembership.Status.values)}."]})
            links = links.filter(status=wanted_status)
        return links

    @extend_schema(parameters=[
        OpenApiParameter("direction", str, enum=list(DIRECTIONS)),
        OpenApiParameter("status", str, enum=CircleMembership.Status.values),
    ])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=CircleInvitationSerializer,
        responses={201: CircleLinkSerializer, 403: OpenApiResponse(description="Blocked."),
                   404: OpenApiResponse(description="No member has this handle."),
                   409: OpenApiResponse(description="Already invited.")},
    )
    def post(self, request):
        invitation = CircleInvitationSerializer(data=request.data)
        invitation.is_valid(raise_exception=True)
        link = circles.invite(request.user, **invitation.validated_data)
        return Response(link_data(request.user, link), status=status.HTTP_201_CREATED)


class CircleAnswerView(APIView):
    """The invitee accepts or declines an invitation into another member's circle."""

    permission_classes = [IsAuthenticated]
    accept = True

    @extend_schema(request=None, responses={200: CircleLinkSerializer, 409: OpenApiResponse(
        description="Already answered.")})
    def post(self, request, handle):
        link = circles.answer(request.user, handle, accept=self.accept)
        return Response(link_data(request.user, link))


class CircleLinkView(APIView):
    """Ending a link of my circle: leaving theirs (received) or removing from mine (sent)."""

    permission_classes = [IsAuthenticated]
    end_link = None  # circles.leave or circles.remove, given by the URL

    @extend_schema(responses={204: None, 404: OpenApiResponse(description="No such link.")})
    def delete(self, request, handle):
        self.end_link(request.user, handle)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ConsentsView(APIView):
    """My consents, per purpose, with their history; granting or withdrawing one."""

    permission_classes = [IsAuthenticated]

    def _state(self, request):
        return ConsentsSerializer(services.consent_state(request.user)).data

    @extend_schema(responses=ConsentsSerializer)
    def get(self, request):
        return Response(self._state(request))

    @extend_schema(request=ConsentRequestSerializer, responses={
        201: ConsentsSerializer, 200: ConsentsSerializer,
        409: OpenApiResponse(description="No privacy policy is in force yet.")})
    def post(self, request):
        decision = ConsentRequestSerializer(data=request.data)
        decision.is_valid(raise_exception=True)
        _decision, recorded = services.decide_consent(request.user, **decision.validated_data)
        return Response(self._state(request),
                        status=status.HTTP_201_CREATED if recorded else status.HTTP_200_OK)


class ExportView(APIView):
    """Everything Stent holds about me, one section per part of the site (GDPR art. 15/20)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses=ExportSerializer)
    def get(self, request):
        document = {"exported_at": timezone.now(),
                    "sections": services.export_member(request.user)}
        response = Response(document)
        response["Content-Disposition"] = 'attachment; filename="stent-export.json"'
        # Everything about the member: no cache (browser, proxy) may keep a copy.
        response["Cache-Control"] = "no-store"
        return response


class PrivacyPolicyView(APIView):
    """The privacy policy in force, in the request's language (French or English)."""

    permission_classes = [AllowAny]

    @extend_schema(responses={200: PrivacyPolicySerializer,
                              404: OpenApiResponse(description="No policy in force yet.")})
    def get(self, request):
        policy = PrivacyPolicyVersion.objects.current()
        if policy is None:
            raise NotFound("No privacy policy is in force yet.")
        language = "fr" if (get_language() or "en").startswith("fr") and policy.text_fr else "en"
        return Response(PrivacyPolicySerializer({
            "version": policy.version, "effective_date": policy.effective_date,
            "language": language, "text": policy.text_in(language)}).data)


class MeErasureMixin:
    """``DELETE /api/v1/me/``: erase my account after re-authentication (GDPR art. 17).

    Mixed into core.identity's /me/ view, which owns GET and PATCH on the same path.
    """

    @extend_schema(
        operation_id="me_erase",
        request=ReauthenticationSerializer,
        responses={204: None, 400: OpenApiResponse(
            OpenApiTypes.OBJECT, description="Missing or wrong password or TOTP code.")},
        description="Erase my account and my data in every part of the site, at once and for "
                    "good. Needs my password, and my authentication code when two-factor "
                    "sign-in is on.",
    )
    def delete(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            self.permission_denied(request)
        credentials = ReauthenticationSerializer(data=request.data)
        credentials.is_valid(raise_exception=True)
        check_reauthentication(request.user, credentials.validated_data["password"],
                               credentials.validated_data.get("totp_code") or None)
        services.erase_member(request.user)
        request.session.flush()
        request.user = AnonymousUser()
        return Response(status=status.HTTP_204_NO_CONTENT)
