"""Polls, their options and the voter's own ballot; lean list rows shaped like the detail."""
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.privacy.audiences import Audience
from plugins.polls.models import Ballot, Poll, PollOption, PollState, ResultsVisibility
from plugins.polls.models.polls import MAX_OPTIONS
from plugins.polls.serializers.common import community_field

POLL_AUDIENCES = [choice for choice in Audience.choices if choice[0] != Audience.PRIVATE]


class OptionSerializer(serializers.ModelSerializer):
    class Meta:
        model = PollOption
        fields = ["id", "label"]


class PollSerializer(serializers.ModelSerializer):
    """A poll as readers see it; written through PollCreateSerializer."""

    state = serializers.ChoiceField(choices=PollState.choices, read_only=True)
    author = serializers.CharField(source="owner.profile.handle", read_only=True, allow_null=True)
    community = serializers.CharField(source="community.slug", read_only=True, allow_null=True)
    options = OptionSerializer(many=True, read_only=True)
    has_voted = serializers.BooleanField(read_only=True)

    class Meta:
        model = Poll
        fields = ["id", "question", "details", "audience", "community", "author", "multiple",
                  "max_choices", "opens_at", "closes_at", "closed_at", "state",
                  "results_visibility", "allow_change", "secret_ballot", "about_health",
                  "options", "has_voted",
                  "created_at"]
        read_only_fields = fields


class PollListSerializer(serializers.Serializer):
    """A list row read leanly (core.api.lean): state and options are added per page."""

    id = serializers.UUIDField()
    question = serializers.CharField()
    details = serializers.CharField()
    audience = serializers.CharField()
    community = serializers.CharField(source="community.slug")
    author = serializers.CharField(source="owner.profile.handle")
    multiple = serializers.BooleanField()
    max_choices = serializers.IntegerField()
    opens_at = serializers.DateTimeField()
    closes_at = serializers.DateTimeField()
    closed_at = serializers.DateTimeField()
    state = serializers.CharField()
    results_visibility = serializers.CharField()
    allow_change = serializers.BooleanField()
    secret_ballot = serializers.BooleanField()
    about_health = serializers.BooleanField()
    options = serializers.ListField()
    has_voted = serializers.BooleanField()
    created_at = serializers.DateTimeField()


class PollCreateSerializer(serializers.Serializer):
    question = serializers.CharField(max_length=300)
    details = serializers.CharField(max_length=3000, required=False, allow_blank=True,
                                    default="")
    options = serializers.ListField(child=serializers.CharField(max_length=200),
                                    min_length=2, max_length=MAX_OPTIONS)
    multiple = serializers.BooleanField(default=False)
    max_choices = serializers.IntegerField(min_value=1, max_value=MAX_OPTIONS, required=False,
                                           allow_null=True)
    opens_at = serializers.DateTimeField(required=False, allow_null=True)
    closes_at = serializers.DateTimeField(required=False, allow_null=True)
    results_visibility = serializers.ChoiceField(choices=ResultsVisibility.choices,
                                                 default=ResultsVisibility.AFTER_VOTE)
    allow_change = serializers.BooleanField(default=False)
    secret_ballot = serializers.BooleanField(
        default=True, help_text=_("False: who chose each option is shown with the results, to "
                                  "those who may see the poll. Always true about health."))
    about_health = serializers.BooleanField(default=False)
    audience = serializers.ChoiceField(choices=POLL_AUDIENCES, default=Audience.MEMBERS)
    community = community_field()


class VoteSerializer(serializers.Serializer):
    options = serializers.ListField(
        child=serializers.UUIDField(), min_length=1, max_length=MAX_OPTIONS,
        help_text=_("The ids of the chosen options."))


class BallotSerializer(serializers.ModelSerializer):
    """The voter's own ballot: shown to them alone."""

    poll = serializers.UUIDField(source="poll_id", read_only=True)
    options = serializers.PrimaryKeyRelatedField(many=True, read_only=True,
                                                 pk_field=serializers.UUIDField())
    voted_at = serializers.DateTimeField(source="created_at", read_only=True)
    changed_at = serializers.DateTimeField(source="updated_at", read_only=True)

    class Meta:
        model = Ballot
        fields = ["poll", "options", "voted_at", "changed_at"]


class OptionResultSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    label = serializers.CharField()
    votes = serializers.IntegerField(allow_null=True)
    percentage = serializers.FloatField(allow_null=True)
    suppressed = serializers.BooleanField()
    voters = serializers.ListField(
        child=serializers.CharField(), allow_null=True,
        help_text=_("In an open ballot, the handles of the voters who chose this option and "
                    "whom the viewer may see; null in a secret ballot."))


class PollResultsSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    state = serializers.ChoiceField(choices=PollState.choices)
    voters = serializers.IntegerField(allow_null=True)
    voters_suppressed = serializers.BooleanField()
    options = OptionResultSerializer(many=True)
    minimum_group_size = serializers.IntegerField(allow_null=True)
