"""Surveys, their sections and questions, a member's response, and the results' shapes."""
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.communities.models import Community
from core.identity.models import Condition, MemberKind
from core.privacy.audiences import Audience
from core.privacy.serializers import PurposeField
from plugins.polls.models import (Question, QuestionKind, Response, ResultsAudience, Section,
                                  Survey, SurveyState)
from plugins.polls.purposes import RESEARCH_SURVEYS
from plugins.polls.results.surveys import BREAKDOWNS
from plugins.polls.serializers.common import community_field
from plugins.polls.serializers.polls import POLL_AUDIENCES


class SurveySerializer(serializers.ModelSerializer):
    """A survey's settings; written by its managers."""

    state = serializers.ChoiceField(choices=SurveyState.choices, read_only=True)
    author = serializers.CharField(source="owner.profile.handle", read_only=True,
                                   allow_null=True)
    audience = serializers.ChoiceField(choices=POLL_AUDIENCES, default=Audience.MEMBERS)
    community = community_field()
    consent_purpose = PurposeField(default=RESEARCH_SURVEYS, allow_blank=True)
    eligible_communities = serializers.SlugRelatedField(
        slug_field="slug", many=True, queryset=Community.objects.all(), required=False)
    eligible_conditions = serializers.SlugRelatedField(
        slug_field="slug", many=True, queryset=Condition.objects.all(), required=False)
    eligible_kinds = serializers.ListField(
        child=serializers.ChoiceField(choices=MemberKind.choices), required=False,
        max_length=len(MemberKind.values))
    results_audience = serializers.ChoiceField(choices=ResultsAudience.choices,
                                               default=ResultsAudience.MANAGERS)
    target_responses = serializers.IntegerField(min_value=1, max_value=1_000_000,
                                                required=False, allow_null=True)
    estimated_minutes = serializers.IntegerField(min_value=1, max_value=600, required=False,
                                                 allow_null=True)
    previous_run = serializers.UUIDField(source="previous_run_id", read_only=True,
                                         allow_null=True)

    class Meta:
        model = Survey
        fields = ["id", "title", "introduction", "audience", "community", "author",
                  "consent_purpose", "eligible_communities", "eligible_conditions",
                  "eligible_kinds", "opens_at", "closes_at", "state", "published_at",
                  "closed_at", "target_responses", "estimated_minutes", "results_audience",
                  "previous_run", "response_count", "created_at"]
        read_only_fields = ["id", "published_at", "closed_at", "response_count", "created_at"]


class SurveyListSerializer(serializers.Serializer):
    """A list row read leanly (core.api.lean); the state is computed per page."""

    id = serializers.UUIDField()
    title = serializers.CharField()
    introduction = serializers.CharField()
    audience = serializers.CharField()
    community = serializers.CharField(source="community.slug")
    author = serializers.CharField(source="owner.profile.handle")
    consent_purpose = serializers.CharField()
    opens_at = serializers.DateTimeField()
    closes_at = serializers.DateTimeField()
    state = serializers.CharField()
    published_at = serializers.DateTimeField()
    closed_at = serializers.DateTimeField()
    target_responses = serializers.IntegerField()
    estimated_minutes = serializers.IntegerField()
    results_audience = serializers.CharField()
    previous_run = serializers.UUIDField(source="previous_run_id")
    response_count = serializers.IntegerField()
    created_at = serializers.DateTimeField()


class SectionSerializer(serializers.ModelSerializer):
    condition = serializers.JSONField(required=False, allow_null=True)

    class Meta:
        model = Section
        fields = ["id", "position", "title", "description", "condition"]
        read_only_fields = ["id", "position"]


class QuestionSerializer(serializers.ModelSerializer):
    section = serializers.PrimaryKeyRelatedField(queryset=Section.objects.all())
    kind = serializers.ChoiceField(choices=QuestionKind.choices)
    choices = serializers.ListField(child=serializers.CharField(max_length=200),
                                    required=False, max_length=50)
    rows = serializers.ListField(child=serializers.CharField(max_length=200), required=False,
                                 max_length=30)
    condition = serializers.JSONField(required=False, allow_null=True)
    number_min = serializers.FloatField(required=False, allow_null=True,
                                        min_value=-1e12, max_value=1e12)
    number_max = serializers.FloatField(required=False, allow_null=True,
                                        min_value=-1e12, max_value=1e12)
    scale_min = serializers.IntegerField(required=False, allow_null=True, min_value=0,
                                         max_value=1)
    scale_max = serializers.IntegerField(required=False, allow_null=True, min_value=1,
                                         max_value=10)
    max_choices = serializers.IntegerField(required=False, allow_null=True, min_value=1,
                                           max_value=50)

    class Meta:
        model = Question
        fields = ["id", "section", "position", "kind", "text", "help_text", "required",
                  "choices", "max_choices", "rows", "scale_min", "scale_max", "min_label",
                  "max_label", "number_min", "number_max", "unit", "condition", "published"]
        read_only_fields = ["id", "position"]

    def __init__(self, *args, survey=None, **kwargs):
        super().__init__(*args, **kwargs)
        if survey is not None:
            # Only the survey's own sections: another survey's id is simply unknown here.
            self.fields["section"].queryset = Section.objects.filter(survey=survey)


class ResponseSerializer(serializers.ModelSerializer):
    """The member's own response: shown to them alone, on any device."""

    survey = serializers.UUIDField(source="survey_id", read_only=True)
    answers = serializers.DictField(child=serializers.JSONField(), required=True)
    progress = serializers.DictField(child=serializers.IntegerField(), read_only=True)

    class Meta:
        model = Response
        fields = ["survey", "status", "answers", "progress", "created_at", "updated_at",
                  "submitted_at"]
        read_only_fields = ["survey", "status", "progress", "created_at", "updated_at",
                            "submitted_at"]


class AnswersSerializer(serializers.Serializer):
    answers = serializers.DictField(child=serializers.JSONField(allow_null=True),
                                    help_text=_("Question id -> answer."))


class SubmitSerializer(serializers.Serializer):
    answers = serializers.DictField(child=serializers.JSONField(allow_null=True),
                                    required=False,
                                    help_text=_("Optional: the answers, replacing the draft."))


class MyResponseStateSerializer(serializers.Serializer):
    """What a member needs before answering: consent, eligibility, their response if any."""

    consent_purpose = serializers.CharField(allow_blank=True)
    has_consent = serializers.BooleanField()
    eligible = serializers.BooleanField()
    reason = serializers.CharField(allow_null=True)
    response = ResponseSerializer(allow_null=True)


class FigureSerializer(serializers.Serializer):
    value = serializers.FloatField(allow_null=True)
    suppressed = serializers.BooleanField()


class OptionFigureSerializer(serializers.Serializer):
    label = serializers.CharField()
    count = FigureSerializer()
    percentage = FigureSerializer()


class QuestionResultSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    text = serializers.CharField()
    kind = serializers.ChoiceField(choices=QuestionKind.choices)
    published = serializers.BooleanField()
    answered = FigureSerializer()
    options = OptionFigureSerializer(many=True, required=False)
    mean = FigureSerializer(required=False)
    median = FigureSerializer(required=False)
    table = serializers.JSONField(required=False, help_text=_("Matrix rows x scale points."))
    row_means = serializers.ListField(child=serializers.JSONField(), required=False)
    mean_ranks = serializers.ListField(child=serializers.JSONField(), required=False)
    texts = serializers.ListField(child=serializers.CharField(), required=False,
                                  help_text=_("Managers only, never with any identity."))
    texts_suppressed = serializers.BooleanField(required=False)


class CountSerializer(serializers.Serializer):
    value = serializers.IntegerField(allow_null=True)
    suppressed = serializers.BooleanField()


class CellSerializer(CountSerializer):
    row = serializers.JSONField(help_text=_("The group, or the first question's answer."))
    column = serializers.JSONField(help_text=_("The answer (to the second question)."))


class RowTotalSerializer(CountSerializer):
    row = serializers.JSONField()


class ColumnTotalSerializer(CountSerializer):
    column = serializers.JSONField()


class CrossedTableSerializer(serializers.Serializer):
    """Crossed counts with their totals, small ones and those that would give them away
    hidden (``value: null, suppressed: true``)."""

    cells = CellSerializer(many=True)
    row_totals = RowTotalSerializer(many=True)
    column_totals = ColumnTotalSerializer(many=True)
    total = CountSerializer()


class BreakdownSerializer(CrossedTableSerializer):
    question = serializers.UUIDField()
    by = serializers.ChoiceField(choices=BREAKDOWNS, help_text=_(
        "Rows: kind, the respondent's member kind; condition, their condition (\"several\" "
        "when they listed more than one); region, the region on their profile, the regions of "
        "fewer respondents than the minimum group size merged into \"other\". \"unknown\": "
        "not given."))


class CrossTabulationSerializer(CrossedTableSerializer):
    rows = serializers.UUIDField(help_text=_("The question whose answers are the rows."))
    columns = serializers.UUIDField(help_text=_("The question whose answers are the columns."))


class SurveyResultsSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    state = serializers.ChoiceField(choices=SurveyState.choices)
    minimum_group_size = serializers.IntegerField()
    respondents = FigureSerializer()
    questions = QuestionResultSerializer(many=True)
    breakdowns = BreakdownSerializer(many=True)
    cross_tabulation = CrossTabulationSerializer(allow_null=True)


class ComparedQuestionSerializer(serializers.Serializer):
    question = serializers.UUIDField()
    previous_question = serializers.UUIDField()
    current = QuestionResultSerializer()
    previous = QuestionResultSerializer()


class ComparisonSerializer(serializers.Serializer):
    survey = serializers.UUIDField()
    previous_run = serializers.UUIDField()
    respondents = FigureSerializer()
    previous_respondents = FigureSerializer()
    questions = ComparedQuestionSerializer(many=True)


class SurveyExportSerializer(serializers.Serializer):
    survey = serializers.JSONField()
    results = SurveyResultsSerializer()
    responses = serializers.JSONField(help_text=_("columns, and rows under random respondent "
                                                  "keys"))
