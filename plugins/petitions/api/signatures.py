"""Signing a petition, the signer's own signature, the public list of named signers."""
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.mixins import ListModelMixin
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.throttling import SimpleRateThrottle
from rest_framework.views import APIView

from core.conf import plugin_setting
from core.api.idempotency import IDEMPOTENCY_KEY_PARAMETER, idempotent
from core.api.landing import landing_view
from core.api.pagination import StentCursorPagination
from plugins.petitions import queries, services
from plugins.petitions.models import Petition
from plugins.petitions.serializers import (AlreadySignedSerializer, ConfirmSerializer,
                                           DetailSerializer, PublicSignatureSerializer,
                                           SignatureSerializer, SignSerializer)


class EmailSignatureThrottle(SimpleRateThrottle):
    """At most PETITIONS_EMAIL_SIGNATURES_RATE e-mailed signatures per IP address."""

    scope = "petitions_email_signature"

    def get_rate(self):
        return plugin_setting("petitions", "EMAIL_SIGNATURES_RATE")

    def get_cache_key(self, request, view):
        if request.user.is_authenticated or request.method != "POST":
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class SignerPagination(StentCursorPagination):
    ordering = "-confirmed_at"


class SignatureListView(ListModelMixin, GenericAPIView):
    """GET: the named signers (an unnamed signature is counted, never listed). POST: sign."""

    permission_classes = [AllowAny]
    pagination_class = SignerPagination
    serializer_class = PublicSignatureSerializer

    def get_throttles(self):
        return [*super().get_throttles(), EmailSignatureThrottle()]

    def get_queryset(self):
        petition = queries.petition_for(self.request.user, self.kwargs["petition"], whole=False)
        return queries.named_signers(self.request.user, petition)

    def get(self, request, petition):
        return self.list(request)

    @extend_schema(request=SignSerializer, parameters=[IDEMPOTENCY_KEY_PARAMETER], responses={
        201: SignatureSerializer,
        202: OpenApiResponse(DetailSerializer, description="E-mailed signature: confirm it."),
        409: OpenApiResponse(AlreadySignedSerializer, description=(
            "Already signed (with the signature), or the petition is not open for signatures.")),
    })
    @idempotent(scope="petitions.sign")
    def post(self, request, petition):
        petition = queries.petition_for(request.user, petition, whole=False)
        data = SignSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        address = fields.pop("email", None)
        if not request.user.is_authenticated:
            return self._sign_by_email(petition, address, fields)
        try:
            signature = services.sign(petition, request.user, **fields)
        except services.AlreadySigned as conflict:
            return Response({"detail": conflict.message,
                             "signature": SignatureSerializer(conflict.signature).data},
                            status=status.HTTP_409_CONFLICT)
        return Response(SignatureSerializer(signature).data, status=status.HTTP_201_CREATED)

    def _sign_by_email(self, petition: Petition, address, fields):
        if not address:
            raise ValidationError({"email": [_("Sign in, or give your e-mail address.")]})
        services.sign_by_email(petition, address, comment=fields["comment"],
                               region=fields["region"])
        hours = plugin_setting("petitions", "CONFIRMATION_HOURS")
        return Response({"detail": _("Check your inbox: your signature counts once you open the "
                                     "link we sent, within %(hours)s hours.") % {"hours": hours}},
                        status=status.HTTP_202_ACCEPTED)


class MySignatureView(GenericAPIView):
    """The signer's own signature: read it, change what they disclose, withdraw it."""

    permission_classes = [IsAuthenticated]
    serializer_class = SignatureSerializer

    def get_object(self):
        petition = queries.petition_for(self.request.user, self.kwargs["petition"], whole=False)
        return queries.signature_of(self.request.user, petition)

    def get(self, request, petition):
        return Response(self.get_serializer(self.get_object()).data)

    def patch(self, request, petition):
        signature = self.get_object()
        serializer = self.get_serializer(signature, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        signature = services.change_signature(signature, **serializer.validated_data)
        return Response(self.get_serializer(signature).data)

    @extend_schema(responses={204: None})
    def delete(self, request, petition):
        services.withdraw_signature(
            queries.petition_for(request.user, petition, whole=False), request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ConfirmSignatureView(APIView):
    """Count an e-mailed signature: the front-end posts the token from the e-mailed link."""

    permission_classes = [AllowAny]

    @extend_schema(request=ConfirmSerializer, responses=DetailSerializer)
    def post(self, request):
        data = ConfirmSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.confirm(data.validated_data["token"])
        return Response({"detail": _("Thank you: your signature counts.")})



def _confirm_from_page(token: str) -> str:
    services.confirm(token)
    return _("Thank you: your signature counts.")


confirmation_page = landing_view(
    title=gettext_lazy("Confirm your signature"),
    explanation=gettext_lazy("You signed a petition with this e-mail address. Press the button to confirm "
                  "it: until then, your signature is not counted."),
    button=gettext_lazy("Confirm my signature"), perform=_confirm_from_page)
