"""Events and their occurrences: one row per date of a series, expanded from its rule."""
import uuid

from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelsearch import index

from core.display import local_date
from core.money import AmountField, CurrencyField, Money
from core.privacy.audiences import Audience
from core.privacy.models import Audienced, AudiencedQuerySet
from plugins.agenda.models.accessibility import Accessibility

MAX_COMPANIONS = 10


class Category(models.TextChoices):
    SUPPORT_GROUP = "support_group", _("Support group")
    WORKSHOP = "workshop", _("Therapeutic-education workshop")
    SPORT = "sport", _("Adapted sport")
    CONFERENCE = "conference", _("Conference")
    OUTING = "outing", _("Outing")
    OTHER = "other", _("Other")


class Mode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class OrganiserKind(models.TextChoices):
    MEMBER = "member", _("A member")
    ASSOCIATION = "association", _("An association")
    COMMUNITY = "community", _("A community")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    POSTPONED = "postponed", _("Postponed to new dates")
    CANCELLED = "cancelled", _("Cancelled")


class RegistrationScope(models.TextChoices):
    """What one registration covers: the whole series, or one of its dates."""

    SERIES = "series", _("Every date of the event")
    OCCURRENCE = "occurrence", _("One date at a time")


def registers_per_date(registration_required, registration_scope) -> bool:
    """Whether each date takes its own registrations (on an event, or on a list's raw row)."""
    return bool(registration_required) and registration_scope == RegistrationScope.OCCURRENCE


def places_left(capacity, taken):
    """None without a limit; never below zero."""
    return None if capacity is None else max(0, capacity - taken)


class EventQuerySet(AudiencedQuerySet):
    def with_features(self, names):
        """Events whose event or venue has every one of ``names`` (kept in ``access_features``)."""
        queryset = self
        for name in names:
            queryset = queryset.filter(access_features__contains=f",{name},")
        return queryset


class Event(index.Indexed, Accessibility, Audienced):
    """An activity or event; ``starts_at``/``ends_at`` are its first occurrence, ``recurrence``
    an RFC 5545 RRULE expanded in the event's own time zone (wall-clock times stay put across
    daylight-saving changes)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    audience = models.CharField(_("audience"), max_length=16, choices=Audience.choices,
                                default=Audience.PUBLIC, db_index=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=20000)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices,
                                default=Category.OTHER, db_index=True)
    organiser_kind = models.CharField(_("organised by"), max_length=16,
                                      choices=OrganiserKind.choices, default=OrganiserKind.MEMBER)

    timezone = models.CharField(_("time zone"), max_length=64, default="Europe/Paris")
    all_day = models.BooleanField(_("all day"), default=False)
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"))
    recurrence = models.CharField(_("recurrence rule (RFC 5545)"), max_length=500, blank=True,
                                  help_text=_("For example FREQ=WEEKLY;BYDAY=TU;COUNT=10."))
    exdates = models.JSONField(_("dates without an occurrence"), default=list, blank=True)

    mode = models.CharField(_("how to attend"), max_length=16, choices=Mode.choices,
                            default=Mode.IN_PERSON)
    venue = models.ForeignKey("agenda.Venue", verbose_name=_("venue"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="events")
    region = models.CharField(_("region"), max_length=120, blank=True, db_index=True)
    online_url = models.URLField(_("online link"), max_length=500, blank=True,
                                 help_text=_("Shown only to participants, shortly before start."))
    cover = models.ImageField(_("cover image"), upload_to="agenda/covers/", blank=True)
    price_amount = AmountField(verbose_name=_("price (minor units)"), default=0,
                               help_text=_("0: free. In cents for euros."))
    price_currency = CurrencyField(default="EUR")

    registration_required = models.BooleanField(_("registration required"), default=False)
    capacity = models.PositiveIntegerField(_("places"), null=True, blank=True,
                                           help_text=_("Empty: no limit."))
    registration_opens_at = models.DateTimeField(_("registration opens at"), null=True,
                                                 blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes at"), null=True,
                                                  blank=True)
    max_companions = models.PositiveSmallIntegerField(
        _("companions per registrant"), default=1, validators=[MaxValueValidator(MAX_COMPANIONS)])
    companions_free = models.BooleanField(_("companions come free"), default=True)
    requires_approval = models.BooleanField(_("the organiser approves registrations"),
                                            default=False)
    # A one-off event is always "series"; a recurring one defaults to "occurrence" (a weekly
    # group: members come to one session), the organiser may choose "series" (a course).
    registration_scope = models.CharField(
        _("a registration is for"), max_length=16, choices=RegistrationScope.choices,
        default=RegistrationScope.SERIES,
        help_text=_("Every date of the event, or one date at a time (recurring events)."))

    status = models.CharField(_("status"), max_length=16, choices=EventStatus.choices,
                              default=EventStatus.SCHEDULED, db_index=True)
    status_reason = models.TextField(_("reason given to participants"), blank=True,
                                     max_length=2000)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True,
                                        editable=False)
    # Kept by the services: the union of the event's and its venue's features, for filtering.
    access_features = models.CharField(max_length=400, blank=True, editable=False)
    # Held places (confirmed, awaiting approval, offered) with their companions; with
    # registrations per occurrence, each occurrence counts its own and this stays 0.
    places_taken = models.PositiveIntegerField(_("places taken"), default=0, editable=False)
    # The next waiting-list position: taken under the event's lock, so arrival order holds.
    next_position = models.PositiveIntegerField(default=1, editable=False)
    # The end of its last stored occurrence: "still to come" is one indexed column.
    last_ends_at = models.DateTimeField(null=True, blank=True, editable=False, db_index=True)

    objects = EventQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("description"),
        index.AutocompleteField("title"),
        index.FilterField("audience"),
        index.FilterField("hidden_at"),
        index.FilterField("owner_id"),
        index.FilterField("community_id"),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")),
                                   name="agenda_event_ends_after_start"),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(places_taken__lte=models.F("capacity")),
                name="agenda_event_never_over_capacity"),
        ]

    def __str__(self):
        return self.title

    search_result_type = "agenda.event"

    @property
    def search_result_title(self) -> str:
        return self.title

    @property
    def search_result_excerpt(self) -> str:
        return self.description

    def get_api_url(self) -> str:
        return f"/api/v1/agenda/events/{self.pk}/"

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED

    @property
    def price(self) -> Money:
        return Money(self.price_amount, self.price_currency)

    @property
    def per_occurrence(self) -> bool:
        """Registrations are for one date at a time (each date counts its places)."""
        return registers_per_date(self.registration_required, self.registration_scope)

    @property
    def places_left(self):
        """Places left for the series; None without a limit or when each date counts its own
        (the occurrences list gives those)."""
        return None if self.per_occurrence else places_left(self.capacity, self.places_taken)


class OccurrenceQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Occurrences of the events ``user`` may see."""
        return self.filter(event__in=Event.objects.visible_to(user).values("pk"))


class Occurrence(models.Model):
    """One date of an event (a one-off event has one). Stored so that ranges are plain,
    paginated queries; ``original_start`` identifies it (RFC 5545 RECURRENCE-ID), and stays
    when the occurrence alone is postponed (``moved``)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="occurrences")
    original_start = models.DateTimeField(_("scheduled start"))
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"))
    cancelled = models.BooleanField(_("cancelled"), default=False)
    # Postponed on its own (the rest of the series stays): its dates are no longer the rule's.
    moved = models.BooleanField(_("postponed on its own"), default=False)
    # With registrations per occurrence: places held at this date, and its waiting-list
    # counter, both moved under the event's lock then this row's (the event's capacity applies).
    places_taken = models.PositiveIntegerField(_("places taken"), default=0, editable=False)
    next_position = models.PositiveIntegerField(default=1, editable=False)

    objects = OccurrenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("occurrence")
        verbose_name_plural = _("occurrences")
        ordering = ["starts_at", "id"]
        constraints = [models.UniqueConstraint(fields=["event", "original_start"],
                                               name="agenda_one_occurrence_per_start")]

    def __str__(self):
        return f"{self.event} ({local_date(self.starts_at)})"
