"""Where e-mailed links land when no front-end is configured: they show the key to send back.

allauth headless mails links to ``STENT_FRONTEND_URL``; by default that is this API, so a
developer (or a member before a front-end exists) gets the key and what to do with it instead of
a 404. Nothing is verified or reset by following a link: mail scanners open links too.
"""
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

LinkKeySerializer = inline_serializer("EmailedLinkKey", {
    "key": serializers.CharField(), "detail": serializers.CharField()})


class EmailedLinkView(APIView):
    """The key of an e-mailed link, with the request that uses it."""

    permission_classes = [AllowAny]
    authentication_classes = []
    instruction = ""

    @extend_schema(responses=LinkKeySerializer)
    def get(self, request, key):
        response = Response({"key": key, "detail": str(self.instruction)})
        response["Cache-Control"] = "no-store"
        return response


class VerifyEmailLinkView(EmailedLinkView):
    instruction = _("To confirm your e-mail address, POST this key as {\"key\": ...} to "
                   "/api/v1/auth/{client}/v1/auth/email/verify.")


class ResetPasswordLinkView(EmailedLinkView):
    instruction = _("To choose a new password, POST this key with the new password as "
                   "{\"key\": ..., \"password\": ...} to "
                   "/api/v1/auth/{client}/v1/auth/password/reset.")
