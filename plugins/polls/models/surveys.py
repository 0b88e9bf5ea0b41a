"""Surveys: ordered sections of typed questions, conditional display, drafts and responses.

A response holds its answers as JSON keyed by question id; a random per-survey respondent key
is the only name it carries outside its owner's own view (exports use it, never the member).
"""
import secrets
import uuid

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelsearch import index

from core.privacy.models import Audienced, AudiencedQuerySet
from core.privacy.purposes import purpose_choices
from plugins.polls.purposes import RESEARCH_SURVEYS


class SurveyState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SCHEDULED = "scheduled", _("Not open yet")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class ResultsAudience(models.TextChoices):
    MANAGERS = "managers", _("The survey's managers only")
    MEMBERS = "members", _("Signed-in members who may see the survey")
    PUBLIC = "public", _("Anyone who may see the survey")


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    SCALE = "scale", _("Scale")
    NUMBER = "number", _("Number")
    DATE = "date", _("Date")
    SHORT_TEXT = "short_text", _("Short text")
    LONG_TEXT = "long_text", _("Long text")
    MATRIX = "matrix", _("Matrix (rows on a scale)")
    RANKING = "ranking", _("Ranking")


class ResponseStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


class SurveyQuerySet(AudiencedQuerySet):
    """visible_to() narrowed by the lifecycle: drafts stay with their owner."""

    def visible_to(self, user):
        visible = super().visible_to(user)
        if user is not None and user.is_authenticated:
            return visible.filter(Q(published_at__isnull=False) | Q(owner=user))
        return visible.filter(published_at__isnull=False)

    def open_q(self, now=None):
        now = now or timezone.now()
        return (Q(published_at__isnull=False, closed_at__isnull=True)
                & (Q(opens_at__isnull=True) | Q(opens_at__lte=now))
                & (Q(closes_at__isnull=True) | Q(closes_at__gt=now)))

    def with_state(self, state: str, now=None):
        now = now or timezone.now()
        if state == SurveyState.DRAFT:
            return self.filter(published_at__isnull=True)
        if state == SurveyState.OPEN:
            return self.filter(self.open_q(now))
        if state == SurveyState.CLOSED:
            return self.filter(Q(published_at__isnull=False)
                               & (Q(closed_at__isnull=False) | Q(closes_at__lte=now)))
        return self.filter(published_at__isnull=False, closed_at__isnull=True, opens_at__gt=now)


class Survey(index.Indexed, Audienced):
    """A structured survey an association or a community's manager runs."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), max_length=5000, blank=True)
    consent_purpose = models.CharField(_("consent it needs"), max_length=32, blank=True,
                                       choices=purpose_choices, default=RESEARCH_SURVEYS)
    eligible_communities = models.ManyToManyField(
        "communities.Community", blank=True, related_name="+",
        verbose_name=_("only members of these communities"))
    eligible_conditions = models.ManyToManyField(
        "identity.Condition", blank=True, related_name="+",
        verbose_name=_("only members living with one of these conditions"))
    eligible_kinds = models.JSONField(_("only these member kinds"), default=list, blank=True)
    opens_at = models.DateTimeField(_("opens at"), null=True, blank=True)
    closes_at = models.DateTimeField(_("closes at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(_("closed early at"), null=True, blank=True, editable=False)
    target_responses = models.PositiveIntegerField(_("target number of responses"), null=True,
                                                   blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(_("minutes to answer"), null=True,
                                                         blank=True)
    results_audience = models.CharField(_("results shown to"), max_length=16,
                                        choices=ResultsAudience.choices,
                                        default=ResultsAudience.MANAGERS)
    previous_run = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="next_runs", verbose_name=_("previous run"))
    response_count = models.PositiveIntegerField(_("responses"), default=0, editable=False)

    objects = SurveyQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("introduction"),
        index.AutocompleteField("title"),
        index.FilterField("audience"),
        index.FilterField("hidden_at"),
        index.FilterField("owner_id"),
        index.FilterField("community_id"),
        index.FilterField("published_at"),
    ]

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    def state_at(self, now=None) -> str:
        now = now or timezone.now()
        if self.published_at is None:
            return SurveyState.DRAFT
        if self.closed_at is not None or (self.closes_at is not None and self.closes_at <= now):
            return SurveyState.CLOSED
        if self.opens_at is not None and self.opens_at > now:
            return SurveyState.SCHEDULED
        return SurveyState.OPEN

    @property
    def state(self) -> str:
        return self.state_at()

    @property
    def search_result_title(self) -> str:
        return self.title

    @property
    def search_result_excerpt(self) -> str:
        return self.introduction

    def get_api_url(self) -> str:
        return f"/api/v1/polls/surveys/{self.pk}/"


class Section(models.Model):
    """An ordered group of questions, itself shown only when its condition holds."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField(_("position"))
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=3000, blank=True)
    condition = models.JSONField(_("shown when"), null=True, blank=True)

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["survey", "position"]

    def __str__(self):
        return self.title


class Question(models.Model):
    """One question; its kind says which of the settings below apply."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(_("position in its section"))
    kind = models.CharField(_("kind"), max_length=16, choices=QuestionKind.choices)
    text = models.CharField(_("question"), max_length=500)
    help_text = models.CharField(_("help"), max_length=500, blank=True)
    required = models.BooleanField(_("required"), default=False)
    #: single, multiple and ranking: the options; matrix: the scale's rows are ``rows``
    choices = models.JSONField(_("options"), default=list, blank=True)
    max_choices = models.PositiveSmallIntegerField(_("maximum number of choices"), null=True,
                                                   blank=True)
    rows = models.JSONField(_("rows"), default=list, blank=True)
    scale_min = models.SmallIntegerField(_("scale from"), null=True, blank=True)
    scale_max = models.SmallIntegerField(_("scale to"), null=True, blank=True)
    min_label = models.CharField(_("label of the low end"), max_length=80, blank=True)
    max_label = models.CharField(_("label of the high end"), max_length=80, blank=True)
    number_min = models.FloatField(_("smallest number"), null=True, blank=True)
    number_max = models.FloatField(_("largest number"), null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=20, blank=True)
    condition = models.JSONField(_("shown when"), null=True, blank=True)
    published = models.BooleanField(_("results published"), default=False)
    copied_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="copies")

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["survey", "section__position", "position"]

    def __str__(self):
        return self.text


def new_respondent_key() -> str:
    return secrets.token_hex(8)


class Response(Audienced):
    """A member's answers to a survey: a draft they resume anywhere, then submitted once."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    #: random, per survey: the only name of a response in exports
    respondent_key = models.CharField(max_length=16, default=new_respondent_key, editable=False)
    status = models.CharField(_("status"), max_length=16, choices=ResponseStatus.choices,
                              default=ResponseStatus.DRAFT)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        constraints = [
            models.UniqueConstraint(fields=["survey", "owner"], condition=Q(owner__isnull=False),
                                    name="one_response_per_member"),
            models.UniqueConstraint(fields=["survey", "respondent_key"],
                                    name="one_respondent_key_per_survey"),
        ]
