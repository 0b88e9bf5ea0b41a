"""A member's own response: read it anywhere, save a draft, submit once, withdraw."""
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from core.privacy.services import has_consent
from plugins.polls.answers import progress
from plugins.polls.api.polls import REFUSALS
from plugins.polls.api.surveys import survey_from_url
from plugins.polls.queries import questions_of, response_of, sections_of
from plugins.polls.serializers.surveys import (AnswersSerializer, MyResponseStateSerializer,
                                               ResponseSerializer, SubmitSerializer)
from plugins.polls.services import responses as services


def with_progress(response):
    survey = response.survey
    response.progress = progress(sections_of(survey), questions_of(survey), response.answers)
    return ResponseSerializer(response).data


class MyResponseView(GenericAPIView):
    permission_classes = [IsAuthenticated]
    serializer_class = ResponseSerializer
    pagination_class = None

    @extend_schema(responses={200: MyResponseStateSerializer, 404: REFUSALS[404]})
    def get(self, request, survey):
        """Consent and eligibility before answering, and my response with its progress."""
        survey = survey_from_url(request, survey)
        response = response_of(request.user, survey)
        reason = services.eligibility_error(survey, request.user)
        purpose = survey.consent_purpose
        return Response({
            "consent_purpose": purpose,
            "has_consent": has_consent(request.user, purpose) if purpose else True,
            "eligible": reason is None, "reason": reason,
            "response": with_progress(response) if response is not None else None,
        })

    @extend_schema(request=AnswersSerializer, responses={200: ResponseSerializer, **REFUSALS})
    def put(self, request, survey):
        """Save my draft (all my answers so far); resume it later on any device."""
        survey = survey_from_url(request, survey)
        data = AnswersSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        response = services.save_draft(survey, request.user, data.validated_data["answers"])
        return Response(with_progress(response))

    @extend_schema(responses={204: None, **REFUSALS})
    def delete(self, request, survey):
        """Withdraw my response (draft or submitted) while the survey is open."""
        services.withdraw(survey_from_url(request, survey), request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class SubmitView(GenericAPIView):
    permission_classes = [IsAuthenticated]
    serializer_class = SubmitSerializer
    pagination_class = None

    @extend_schema(request=SubmitSerializer, responses={201: ResponseSerializer, **REFUSALS})
    def post(self, request, survey):
        """Submit my response, once: complete and valid, or nothing is stored."""
        survey = survey_from_url(request, survey)
        data = SubmitSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        response = services.submit(survey, request.user, data.validated_data.get("answers"))
        return Response(with_progress(response), status=status.HTTP_201_CREATED)
