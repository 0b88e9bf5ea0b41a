"""Payment providers: which ones the deployment offers, and their webhooks."""
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from plugins.crowdfunding.api.errors import ERRORS
from plugins.crowdfunding.providers.registry import available_providers, provider_named
from plugins.crowdfunding.reward_kinds import reward_kinds
from plugins.crowdfunding.serializers import PaymentProviderSerializer, RewardKindSerializer

RECEIVED = inline_serializer("CrowdfundingWebhookReceived",
                             {"received": serializers.BooleanField()})


class ProviderListView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(responses={200: PaymentProviderSerializer(many=True)})
    def get(self, request):
        return Response(PaymentProviderSerializer(available_providers().values(), many=True).data)


class RewardKindListView(APIView):
    """The kinds of rewards other plugins add (empty with no such plugin enabled)."""

    permission_classes = [AllowAny]

    @extend_schema(responses={200: RewardKindSerializer(many=True)})
    def get(self, request):
        return Response(RewardKindSerializer(reward_kinds().values(), many=True).data)


class WebhookView(APIView):
    """Events a provider sends; verified by the provider (a bad signature is a 400)."""

    permission_classes = [AllowAny]
    authentication_classes = []  # the provider signs its events; no session, no CSRF

    @extend_schema(request=None, responses={200: RECEIVED, **ERRORS,
                                            405: OpenApiResponse(description="No webhooks.")})
    def post(self, request, name):
        provider = provider_named(name)
        if not provider.accepts_webhooks:
            return Response({"detail": _("This provider sends no webhooks.")}, status=405)
        provider.handle_webhook(request)
        return Response({"received": True})
