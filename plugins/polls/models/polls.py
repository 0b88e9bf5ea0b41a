"""Polls: a question with 2 to 20 options; counts live on the options, ballots secret by default.

A ballot keeps only what enforces one vote per member and lets the voter see and change their
own choice. In a secret ballot (the default) it is private to its voter; in an open ballot,
chosen by the author when creating the poll and shown to voters before they vote, it takes the
poll's audience, so the core rule says who sees which voter chose what. Counts are stored on the options (moved with ``F()``), so erasing a ballot keeps
every total right.
"""
import uuid

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelsearch import index

from core.privacy.models import Audienced, AudiencedQuerySet

MIN_OPTIONS = 2
MAX_OPTIONS = 20


class ResultsVisibility(models.TextChoices):
    ALWAYS = "always", _("Always")
    AFTER_VOTE = "after_vote", _("After voting")
    AFTER_CLOSE = "after_close", _("After closing")
    AUTHOR = "author", _("Only the author")


class PollState(models.TextChoices):
    SCHEDULED = "scheduled", _("Not open yet")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class PollQuerySet(AudiencedQuerySet):
    def open_q(self, now=None):
        now = now or timezone.now()
        return (Q(closed_at__isnull=True, opens_at__lte=now)
                & (Q(closes_at__isnull=True) | Q(closes_at__gt=now)))

    def closed_q(self, now=None):
        now = now or timezone.now()
        return Q(closed_at__isnull=False) | Q(closes_at__lte=now)

    def with_state(self, state: str, now=None):
        now = now or timezone.now()
        if state == PollState.OPEN:
            return self.filter(self.open_q(now))
        if state == PollState.CLOSED:
            return self.filter(self.closed_q(now))
        return self.filter(closed_at__isnull=True, opens_at__gt=now)


class Poll(index.Indexed, Audienced):
    """A quick question to a community or to members; closes at its time or by its author."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    question = models.CharField(_("question"), max_length=300)
    details = models.TextField(_("details"), max_length=3000, blank=True)
    multiple = models.BooleanField(_("multiple choice"), default=False)
    max_choices = models.PositiveSmallIntegerField(_("maximum number of choices"), default=1)
    opens_at = models.DateTimeField(_("opens at"), default=timezone.now)
    closes_at = models.DateTimeField(_("closes at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed early at"), null=True, blank=True)
    results_visibility = models.CharField(_("results shown"), max_length=16,
                                          choices=ResultsVisibility.choices,
                                          default=ResultsVisibility.AFTER_VOTE)
    allow_change = models.BooleanField(_("voters may change their vote until closing"),
                                       default=False)
    secret_ballot = models.BooleanField(
        _("secret ballot"), default=True,
        help_text=_("Unticked: those who see the results also see who chose each option. "
                    "Set when the poll is created; a poll about health is always secret."))
    about_health = models.BooleanField(
        _("about health"), default=False,
        help_text=_("Results of a community poll about health hide groups that are too small."))
    voter_count = models.PositiveIntegerField(_("voters"), default=0, editable=False)
    #: The options as lists show them (``{"id", "label"}`` in order), written with the options
    #: at creation (they never change afterwards): a list reads them in the poll's own row.
    listed_options = models.JSONField(default=list, editable=False)
    closing_announced_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = PollQuerySet.as_manager()

    search_fields = [
        index.SearchField("question", boost=2),
        index.SearchField("details"),
        index.AutocompleteField("question"),
        index.FilterField("audience"),
        index.FilterField("hidden_at"),
        index.FilterField("owner_id"),
        index.FilterField("community_id"),
    ]

    class Meta:
        verbose_name = _("poll")
        verbose_name_plural = _("polls")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(max_choices__gte=1) & Q(max_choices__lte=MAX_OPTIONS),
                                   name="poll_max_choices_in_range"),
            models.CheckConstraint(condition=Q(secret_ballot=True) | Q(about_health=False),
                                   name="poll_about_health_is_secret"),
        ]

    def __str__(self):
        return self.question

    def list_options(self, options) -> None:
        """Set ``listed_options`` from the poll's option rows (saved by the caller)."""
        self.listed_options = [{"id": str(option.pk), "label": option.label}
                               for option in sorted(options, key=lambda option: option.position)]

    def state_at(self, now=None) -> str:
        now = now or timezone.now()
        if self.closed_at is not None or (self.closes_at is not None and self.closes_at <= now):
            return PollState.CLOSED
        return PollState.OPEN if self.opens_at <= now else PollState.SCHEDULED

    @property
    def state(self) -> str:
        return self.state_at()

    # The search protocol (cms/search.py).
    @property
    def search_result_title(self) -> str:
        return self.question

    @property
    def search_result_excerpt(self) -> str:
        return self.details

    def get_api_url(self) -> str:
        return f"/api/v1/polls/polls/{self.pk}/"


class PollOption(models.Model):
    """One answer of a poll, with its count of votes."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="options")
    position = models.PositiveSmallIntegerField(_("position"))
    label = models.CharField(_("label"), max_length=200)
    vote_count = models.PositiveIntegerField(_("votes"), default=0, editable=False)

    class Meta:
        verbose_name = _("poll option")
        verbose_name_plural = _("poll options")
        ordering = ["poll", "position"]
        constraints = [models.UniqueConstraint(fields=["poll", "position"],
                                               name="one_option_per_position")]

    def __str__(self):
        return self.label


class Ballot(Audienced):
    """A member's vote: in a secret ballot private, seen by the voter alone (moderators and staff
    included); in an open ballot it has the poll's audience and community."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="ballots")
    options = models.ManyToManyField(PollOption, related_name="+", verbose_name=_("choices"))

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        constraints = [models.UniqueConstraint(fields=["poll", "owner"],
                                               condition=Q(owner__isnull=False),
                                               name="one_ballot_per_member")]
