"""The member's privacy endpoints: consents, export, erasure; the policy in force."""
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from core.errors import NotFound
from core.privacy import services
from core.privacy.models import PrivacyPolicyVersion
from core.privacy.reauthentication import check_reauthentication
from core.privacy.serializers import (ConsentRequestSerializer, ConsentsSerializer,
                                      ExportSerializer, PrivacyPolicySerializer,
                                      ReauthenticationSerializer)

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
            raise NotFound(_("No privacy policy is in force yet."))
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
