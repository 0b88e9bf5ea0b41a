"""A survey's sections and questions, nested under it: read by who sees it, built by managers."""
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import SAFE_METHODS, AllowAny, IsAuthenticated
from rest_framework.response import Response

from core.errors import NotAllowed, NotFound
from plugins.polls.api.polls import REFUSALS
from plugins.polls.api.surveys import survey_from_url
from plugins.polls.models import Question, Section
from plugins.polls.queries import is_survey_manager, questions_of, sections_of
from plugins.polls.serializers.surveys import QuestionSerializer, SectionSerializer
from plugins.polls.services import building


class SurveyPartView(GenericAPIView):
    """The survey from the URL, visible to the viewer; writes only by its managers."""

    pagination_class = None

    def get_permissions(self):
        if self.request.method in SAFE_METHODS:
            return [AllowAny()]
        return [IsAuthenticated()]

    def survey(self):
        survey = survey_from_url(self.request, self.kwargs["survey"])
        if self.request.method not in SAFE_METHODS and not is_survey_manager(
                self.request.user, survey):
            raise NotAllowed(_("Only the survey's managers may do this."))
        return survey

    def part(self, model):
        survey = self.survey()
        found = model.objects.filter(survey=survey, pk=self.kwargs["pk"]).first()
        if found is None:
            raise NotFound()
        return found

    def valid(self, serializer):
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data


@extend_schema_view(get=extend_schema(responses={200: SectionSerializer(many=True),
                                                 404: REFUSALS[404]}),
                    post=extend_schema(responses={201: SectionSerializer, **REFUSALS}))
class SectionListView(SurveyPartView):
    serializer_class = SectionSerializer

    def get(self, request, survey):
        return Response(SectionSerializer(sections_of(self.survey()), many=True).data)

    def post(self, request, survey):
        target = self.survey()
        section = building.add_section(target, **self.valid(SectionSerializer(data=request.data)))
        return Response(SectionSerializer(section).data, status=status.HTTP_201_CREATED)


@extend_schema_view(patch=extend_schema(responses={200: SectionSerializer, **REFUSALS}),
                    delete=extend_schema(responses={204: None, **REFUSALS}))
class SectionDetailView(SurveyPartView):
    serializer_class = SectionSerializer

    def patch(self, request, survey, pk):
        section = self.part(Section)
        fields = self.valid(SectionSerializer(section, data=request.data, partial=True))
        return Response(SectionSerializer(building.update_section(section, **fields)).data)

    def delete(self, request, survey, pk):
        building.delete_section(self.part(Section))
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(get=extend_schema(responses={200: QuestionSerializer(many=True),
                                                 404: REFUSALS[404]}),
                    post=extend_schema(responses={201: QuestionSerializer, **REFUSALS}))
class QuestionListView(SurveyPartView):
    serializer_class = QuestionSerializer

    def get(self, request, survey):
        return Response(QuestionSerializer(questions_of(self.survey()), many=True).data)

    def post(self, request, survey):
        target = self.survey()
        fields = self.valid(QuestionSerializer(data=request.data, survey=target))
        question = building.add_question(target, **fields)
        return Response(QuestionSerializer(question).data, status=status.HTTP_201_CREATED)


@extend_schema_view(patch=extend_schema(responses={200: QuestionSerializer, **REFUSALS}),
                    delete=extend_schema(responses={204: None, **REFUSALS}))
class QuestionDetailView(SurveyPartView):
    serializer_class = QuestionSerializer

    def patch(self, request, survey, pk):
        question = self.part(Question)
        fields = self.valid(QuestionSerializer(question, data=request.data, partial=True,
                                               survey=question.survey))
        fields.pop("section", None)  # a question stays in its section (conditions rely on it)
        return Response(QuestionSerializer(building.update_question(question, **fields)).data)

    def delete(self, request, survey, pk):
        building.delete_question(self.part(Question))
        return Response(status=status.HTTP_204_NO_CONTENT)
