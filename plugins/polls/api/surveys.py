"""Surveys: their managers build, publish and close them; results, export, copy and compare."""
import uuid

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, \
    extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.generics import get_object_or_404
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from core.api.lean import LeanListMixin
from core.api.pagination import StentCursorPagination
from core.errors import Invalid, NotFound
from plugins.polls import queries
from plugins.polls.api.filters import EXPORT_FORMAT, StateAndCommunityFilter
from plugins.polls.api.polls import REFUSALS
from plugins.polls.api.renderers import RowsCSVRenderer
from plugins.polls.models import SurveyState
from plugins.polls.permissions import CanBuildSurveys, IsSurveyManager
from plugins.polls.results import compare, export, surveys as results
from plugins.polls.serializers.surveys import (ComparisonSerializer, SurveyExportSerializer,
                                               SurveyListSerializer, SurveyResultsSerializer,
                                               SurveySerializer)
from plugins.polls.services import surveys as services

BY = OpenApiParameter("by", OpenApiTypes.STR, enum=list(results.BREAKDOWNS),
                      description="Break the single-choice and scale questions down by the "
                                  "respondents' member kind, condition or region (regions of "
                                  "fewer respondents than the minimum group size are merged "
                                  "into \"other\").")
CROSS = OpenApiParameter("cross", OpenApiTypes.STR,
                         description="Two question ids, comma-separated: a cross-tabulation.")
PART = OpenApiParameter("part", OpenApiTypes.STR, enum=["results", "responses"],
                        description="CSV only: aggregated results (default) or response rows.")


def survey_state_of(row, now):
    if row["published_at"] is None:
        return SurveyState.DRAFT.value
    if row["closed_at"] is not None or (row["closes_at"] is not None and row["closes_at"] <= now):
        return SurveyState.CLOSED.value
    if row["opens_at"] is not None and row["opens_at"] > now:
        return SurveyState.SCHEDULED.value
    return SurveyState.OPEN.value


def survey_from_url(request, reference):
    """A survey the viewer may see, by id; a 404 for anything else."""
    try:
        key = uuid.UUID(str(reference))
    except ValueError:
        raise NotFound(_("No such survey."))
    return get_object_or_404(queries.survey_with_structure(request.user), pk=key)


@extend_schema_view(
    list=extend_schema(responses={200: SurveySerializer(many=True), 400: REFUSALS[400]}),
    retrieve=extend_schema(responses={200: SurveySerializer, 404: REFUSALS[404]}),
    create=extend_schema(responses={201: SurveySerializer, **REFUSALS}),
    update=extend_schema(responses={200: SurveySerializer, **REFUSALS}),
    partial_update=extend_schema(responses={200: SurveySerializer, **REFUSALS}),
    destroy=extend_schema(responses={204: None, **REFUSALS}),
)
class SurveyViewSet(LeanListMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin,
                    mixins.CreateModelMixin, mixins.UpdateModelMixin, mixins.DestroyModelMixin,
                    viewsets.GenericViewSet):
    """Surveys: members the audience allows read and answer; managers build and run them."""

    serializer_class = SurveySerializer
    pagination_class = StentCursorPagination
    filter_backends = [StateAndCommunityFilter]
    states = SurveyState.values
    computed_fields = ("state",)

    def get_queryset(self):
        if self.action == "list":
            return queries.surveys_for(self.request.user)
        return queries.survey_with_structure(self.request.user)

    def get_serializer_class(self):
        if self.action == "list" and not getattr(self, "swagger_fake_view", False):
            return SurveyListSerializer
        return SurveySerializer

    def get_permissions(self):
        if self.action in ("list", "retrieve", "results", "compare"):
            return [AllowAny()]
        if self.action in ("create", "copy"):
            return [IsAuthenticated(), CanBuildSurveys()]
        return [IsAuthenticated(), IsSurveyManager()]

    def get_object(self):
        survey = survey_from_url(self.request, self.kwargs["pk"])
        self.check_object_permissions(self.request, survey)
        return survey

    def complete_rows(self, rows):
        now = timezone.now()
        for row in rows:
            row["state"] = survey_state_of(row, now)

    def _detail(self, survey_id, status_code=status.HTTP_200_OK):
        survey = survey_from_url(self.request, survey_id)
        return Response(SurveySerializer(survey, context=self.get_serializer_context()).data,
                        status=status_code)

    def create(self, request):
        data = self.get_serializer(data=request.data)
        data.is_valid(raise_exception=True)
        survey = services.create_survey(request.user, **data.validated_data)
        return self._detail(survey.pk, status.HTTP_201_CREATED)

    def update(self, request, pk=None, partial=False):
        survey = self.get_object()
        data = self.get_serializer(survey, data=request.data, partial=partial)
        data.is_valid(raise_exception=True)
        services.update_survey(survey, request.user, **data.validated_data)
        return self._detail(survey.pk)

    def partial_update(self, request, pk=None):
        return self.update(request, pk, partial=True)

    def perform_destroy(self, survey):
        services.delete_survey(survey)

    @extend_schema(request=None, responses={200: SurveySerializer, **REFUSALS})
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        """Managers: open the survey for answers (at its opening time)."""
        return self._detail(services.publish_survey(self.get_object()).pk)

    @extend_schema(request=None, responses={200: SurveySerializer, **REFUSALS})
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        """Managers: stop collecting answers before the closing time."""
        return self._detail(services.close_survey(self.get_object()).pk)

    @extend_schema(request=None, responses={201: SurveySerializer, **REFUSALS})
    @action(detail=True, methods=["post"])
    def copy(self, request, pk=None):
        """A new draft with the same questions, to run the survey again (say next year)."""
        survey = self.get_object()
        if not queries.is_survey_manager(request.user, survey):
            raise NotFound(_("No such survey."))
        return self._detail(services.copy_survey(survey, request.user).pk, status.HTTP_201_CREATED)

    def _is_manager(self, survey):
        return queries.is_survey_manager(self.request.user, survey)

    @extend_schema(parameters=[BY, CROSS], request=None, responses={
        200: SurveyResultsSerializer, **REFUSALS})
    @action(detail=True, methods=["get"])
    def results(self, request, pk=None):
        """Per question figures (and breakdowns, cross-tabulation), small groups hidden."""
        survey = self.get_object()
        manager = self._is_manager(survey)
        results.check_results_visible(survey, request.user, is_manager=manager)
        cross = request.query_params.get("cross")
        return Response(SurveyResultsSerializer(results.survey_results(
            survey, for_manager=manager, by=request.query_params.get("by") or None,
            cross=cross.split(",") if cross else None)).data)

    @extend_schema(request=None, responses={200: ComparisonSerializer, **REFUSALS})
    @action(detail=True, methods=["get"])
    def compare(self, request, pk=None):
        """This run's results beside the previous run's, for the questions copied over."""
        survey = self.get_object()
        manager = self._is_manager(survey)
        results.check_results_visible(survey, request.user, is_manager=manager)
        if survey.previous_run_id is not None:
            previous = survey_from_url(request, survey.previous_run_id)
            results.check_results_visible(previous, request.user,
                                          is_manager=self._is_manager(previous))
        return Response(ComparisonSerializer(
            compare.compare_with_previous(survey, for_manager=manager)).data)

    @extend_schema(parameters=[EXPORT_FORMAT, PART], request=None, responses={
        (200, "application/json"): SurveyExportSerializer, (200, "text/csv"): OpenApiTypes.STR,
        **REFUSALS})
    @action(detail=True, methods=["get"], renderer_classes=[JSONRenderer, RowsCSVRenderer])
    def export(self, request, pk=None):
        """Managers: aggregated results and response rows under random respondent keys."""
        survey = self.get_object()
        data = export.export_data(survey)
        if request.accepted_renderer.format != "csv":
            return Response(data)
        part = request.query_params.get("part") or "results"
        if part not in ("results", "responses"):
            raise Invalid("part", _("Choose results or responses."))
        if part == "responses":
            rows = [data["responses"]["columns"], *data["responses"]["rows"]]
        else:
            rows = export.results_rows(data["results"])
        return Response({"csv_rows": rows})

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code >= 400 and isinstance(
                getattr(response, "accepted_renderer", None), RowsCSVRenderer):
            # Errors stay JSON, whatever format the export asked for.
            response.accepted_renderer = JSONRenderer()
            response.accepted_media_type = "application/json"
        return response
