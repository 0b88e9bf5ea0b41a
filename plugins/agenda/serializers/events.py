"""Events in and out: the organiser's form, the detail a viewer reads, the lean list row."""
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.communities.models import Community
from core.images import clean_image
from core.money import MoneySerializer
from core.privacy.audiences import Audience
from plugins.agenda import queries
from plugins.agenda.models import (FEATURES, Event, EventStatus, Occurrence,
                                   RegistrationScope)
from plugins.agenda.models.events import MAX_COMPANIONS
from plugins.agenda.serializers.fields import StoredFeaturesField
from plugins.agenda.serializers.venues import VenueSerializer

MAX_CAPACITY = 100_000
COVER_SIDE = 2000
NOT_YOUR_COMMUNITY = _("Choose one of the communities you belong to.")

WRITABLE = ["title", "description", "category", "organiser_kind", "timezone", "all_day",
            "starts_at", "ends_at", "recurrence", "exdates", "mode", "venue", "region",
            "online_url", "audience", "community", "registration_required", "capacity",
            "registration_opens_at", "registration_closes_at", "max_companions",
            "companions_free", "requires_approval", "registration_scope", *FEATURES,
            "accessibility_notes", "cover"]


class PriceSerializer(MoneySerializer):
    """The core's money in a PATCH too: a partial update skips nested fields, so a price sent
    without its amount or currency is refused here rather than failing in the core."""

    def to_internal_value(self, data):
        if isinstance(data, dict):
            missing = {name: [_("This field is required.")] for name in ("amount", "currency")
                       if name not in data}
            if missing:
                raise serializers.ValidationError(missing)
        return super().to_internal_value(data)


class CommunitySlugField(serializers.SlugRelatedField):
    """A community by slug; a slug no community can have (a NUL byte) is not looked up:
    PostgreSQL would refuse the query."""

    def to_internal_value(self, data):
        if isinstance(data, str) and "\x00" in data:
            self.fail("does_not_exist", slug_name=self.slug_field, value=data)
        return super().to_internal_value(data)


class EventWriteSerializer(serializers.ModelSerializer):
    """What an organiser sends; the services check the rules across fields."""

    audience = serializers.ChoiceField(choices=Audience.choices, default=Audience.PUBLIC)
    community = CommunitySlugField(
        slug_field="slug", queryset=Community.objects.all(), required=False, allow_null=True,
        error_messages={"does_not_exist": NOT_YOUR_COMMUNITY})
    venue = serializers.PrimaryKeyRelatedField(
        queryset=queries.venues_for(None), required=False, allow_null=True,
        error_messages={"does_not_exist": _("Choose one of the venues you may use.")})
    exdates = serializers.ListField(child=serializers.DateField(), max_length=500,
                                    required=False)
    capacity = serializers.IntegerField(min_value=1, max_value=MAX_CAPACITY, required=False,
                                        allow_null=True)
    max_companions = serializers.IntegerField(min_value=0, max_value=MAX_COMPANIONS,
                                              required=False)
    timezone = serializers.CharField(max_length=64, required=False)
    price = PriceSerializer(required=False, help_text=_("Leave out, or amount 0, when free."))
    cover = serializers.ImageField(required=False, allow_null=True, use_url=True)

    class Meta:
        model = Event
        fields = [*WRITABLE, "price"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            self.fields["venue"].queryset = queries.venues_for(request.user)

    def validate_cover(self, upload):
        # Re-encoded without its metadata (a phone photo carries where it was taken).
        return clean_image(upload, field="cover", max_side=COVER_SIDE) if upload else upload


class EventSerializer(EventWriteSerializer):
    """An event as a viewer reads it; the online link only for those allowed, at the time."""

    organiser = serializers.CharField(source="owner.profile.handle", read_only=True,
                                      allow_null=True, default=None)
    venue_details = VenueSerializer(source="venue", read_only=True, allow_null=True)
    access_features = StoredFeaturesField()
    places_left = serializers.IntegerField(read_only=True, allow_null=True)
    online_link = serializers.SerializerMethodField()
    viewer_registration = serializers.SerializerMethodField()

    class Meta:
        model = Event
        fields = ["id", *WRITABLE, "price", "organiser", "venue_details", "access_features",
                  "status",
                  "status_reason", "cancelled_at", "places_left", "online_link",
                  "viewer_registration", "created_at", "updated_at"]
        read_only_fields = ["id", "status", "status_reason", "cancelled_at", "created_at",
                            "updated_at"]
        extra_kwargs = {"online_url": {"write_only": True}}

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_online_link(self, event):
        return queries.online_link_for(event, self.context["request"].user)

    @extend_schema_field(serializers.CharField(
        allow_null=True, help_text=_("The status of your registration for the series; null when "
                                     "the event takes registrations for one date at a time "
                                     "(see registrations/mine/?occurrence=).")))
    def get_viewer_registration(self, event):
        registration = queries.registration_of(event, self.context["request"].user)
        return registration.status if registration else None


class EventListSerializer(serializers.Serializer):
    """A row of the events list: stored columns only (one lean query)."""

    id = serializers.UUIDField()
    title = serializers.CharField()
    category = serializers.CharField()
    organiser_kind = serializers.CharField()
    organiser = serializers.CharField(source="owner.profile.handle", allow_null=True)
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    all_day = serializers.BooleanField()
    timezone = serializers.CharField()
    recurrence = serializers.CharField()
    mode = serializers.CharField()
    region = serializers.CharField()
    venue = serializers.UUIDField(source="venue_id", allow_null=True)
    venue_name = serializers.CharField(source="venue.name", allow_null=True)
    venue_city = serializers.CharField(source="venue.city", allow_null=True)
    community = serializers.CharField(source="community.slug", allow_null=True)
    audience = serializers.CharField()
    status = serializers.ChoiceField(choices=EventStatus.choices)
    registration_required = serializers.BooleanField()
    registration_scope = serializers.ChoiceField(choices=RegistrationScope.choices)
    capacity = serializers.IntegerField(allow_null=True)
    price_amount = serializers.IntegerField(help_text=_("In minor units; 0 when free."))
    price_currency = serializers.CharField()
    # Read from places_taken; the view turns it into the places left.
    places_left = serializers.IntegerField(
        source="places_taken", allow_null=True,
        help_text=_("Null without a limit, or when each date counts its own places (see the "
                    "occurrences list)."))
    access_features = StoredFeaturesField()
    cover = serializers.CharField(allow_null=True, help_text=_("The cover image's URL."))
    created_at = serializers.DateTimeField()


class OccurrenceSerializer(serializers.Serializer):
    """One date of an event, as the calendar lists it."""

    id = serializers.UUIDField()
    event = serializers.UUIDField(source="event_id")
    title = serializers.CharField(source="event.title")
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    original_start = serializers.DateTimeField()
    cancelled = serializers.BooleanField()
    moved = serializers.BooleanField(
        help_text=_("Postponed on its own: its dates differ from the series' rule."))
    all_day = serializers.BooleanField(source="event.all_day")
    timezone = serializers.CharField(source="event.timezone")
    category = serializers.CharField(source="event.category")
    mode = serializers.CharField(source="event.mode")
    region = serializers.CharField(source="event.region")
    access_features = StoredFeaturesField(source="event.access_features")
    registration_required = serializers.BooleanField(source="event.registration_required")
    registration_scope = serializers.ChoiceField(source="event.registration_scope",
                                                 choices=RegistrationScope.choices)
    places_left = serializers.IntegerField(
        allow_null=True,
        help_text=_("Places left at this date (of the series when one registration covers "
                    "every date); null without registration or without a limit."))

    class Meta:
        model = Occurrence


class CancelSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000, required=False, allow_blank=True,
                                   default="")
    occurrence = serializers.UUIDField(required=False, allow_null=True,
                                       help_text=_("Cancel only this occurrence of a series."))


class PostponeSerializer(serializers.Serializer):
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    occurrence = serializers.UUIDField(
        required=False, allow_null=True,
        help_text=_("Postpone only this occurrence of a series; left out, the whole event "
                    "(a series moves as a whole)."))
    reason = serializers.CharField(max_length=2000, required=False, allow_blank=True,
                                   default="")
