"""Registrations (with companions and the waiting list) and RSVPs for open events."""
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from plugins.agenda.models.events import MAX_COMPANIONS, Event


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for the organiser's approval")
    CONFIRMED = "confirmed", _("Registered")
    WAITING = "waiting", _("On the waiting list")
    OFFERED = "offered", _("A place is offered: confirm it")
    CANCELLED = "cancelled", _("Cancelled")
    REFUSED = "refused", _("Not approved")
    EXPIRED = "expired", _("Offer expired")


#: States holding places (counted in ``Event.places_taken``, or the occurrence's).
HOLDING = (RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED, RegistrationStatus.OFFERED)
#: States a member may have only one of per event.
ACTIVE = (*HOLDING, RegistrationStatus.WAITING)


class Registration(models.Model):
    """A member's registration for an event, for themself and ``companions`` (a caregiver...):
    for every date of it, or for one ``occurrence`` when the event registers per occurrence.

    Not shown to other participants unless ``shown_to_participants``; the access needs the
    member chose to share are for the organiser only. Erasure keeps the row for past events
    (counts stay right) without its owner or words.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    # The date registered for when the event registers per occurrence; null for the series.
    # RESTRICT: an occurrence with registrations goes only with its event (never silently).
    occurrence = models.ForeignKey("agenda.Occurrence", verbose_name=_("date"), null=True,
                                   blank=True, on_delete=models.RESTRICT,
                                   related_name="registrations")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="agenda_registrations")
    companions = models.PositiveSmallIntegerField(
        _("companions"), default=0, validators=[MaxValueValidator(MAX_COMPANIONS)])
    status = models.CharField(_("status"), max_length=16, choices=RegistrationStatus.choices,
                              db_index=True)
    position = models.PositiveIntegerField(_("place in the waiting list"), null=True,
                                           blank=True)
    shown_to_participants = models.BooleanField(
        _("other participants may see that I come"), default=False)
    shared_needs = models.JSONField(_("access needs shared with the organiser"), default=list,
                                    blank=True)
    shared_needs_note = models.TextField(_("a word for the organiser"), blank=True,
                                         max_length=1000)
    offer_expires_at = models.DateTimeField(_("offer valid until"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "id"]
        # Two of each: for the series (no occurrence) and per occurrence (NULLs are distinct
        # in a unique index, so one constraint over both would not hold for the series).
        constraints = [
            models.UniqueConstraint(fields=["event", "member"],
                                    condition=Q(status__in=ACTIVE) & Q(member__isnull=False)
                                    & Q(occurrence__isnull=True),
                                    name="agenda_one_active_registration_per_member"),
            models.UniqueConstraint(fields=["occurrence", "member"],
                                    condition=Q(status__in=ACTIVE) & Q(member__isnull=False)
                                    & Q(occurrence__isnull=False),
                                    name="agenda_one_active_registration_per_date"),
            models.UniqueConstraint(fields=["event", "position"],
                                    condition=Q(position__isnull=False)
                                    & Q(occurrence__isnull=True),
                                    name="agenda_one_member_per_waiting_position"),
            models.UniqueConstraint(fields=["occurrence", "position"],
                                    condition=Q(position__isnull=False)
                                    & Q(occurrence__isnull=False),
                                    name="agenda_one_member_per_date_waiting_position"),
        ]
        indexes = [models.Index(fields=["event", "status", "position"],
                                name="agenda_reg_waiting_idx"),
                   models.Index(fields=["occurrence", "status", "position"],
                                name="agenda_reg_date_waiting_idx")]

    def __str__(self):
        return f"{self.event} ({self.get_status_display()})"

    @property
    def handle(self) -> str:
        """The registrant's pseudonym (what the admin shows, never their e-mail)."""
        return self.member.profile.handle if self.member_id else "—"

    @property
    def party_size(self) -> int:
        return 1 + self.companions

    @property
    def amount_due(self):
        """The event's price for the registrant, and for each companion unless they come free."""
        from core.money import Money

        paying = 1 if self.event.companions_free else self.party_size
        return Money(self.event.price_amount * paying, self.event.price_currency)


class RsvpAnswer(models.TextChoices):
    GOING = "going", _("Going")
    MAYBE = "maybe", _("Maybe")
    NOT_GOING = "not_going", _("Not going")


class Rsvp(models.Model):
    """A member's answer for an open event (no registration); only counts are shown."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="rsvps")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="agenda_rsvps")
    answer = models.CharField(_("answer"), max_length=16, choices=RsvpAnswer.choices)
    created_at = models.DateTimeField(_("answered at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("RSVP")
        verbose_name_plural = _("RSVPs")
        constraints = [models.UniqueConstraint(fields=["event", "member"],
                                               condition=Q(member__isnull=False),
                                               name="agenda_one_rsvp_per_member")]

    def __str__(self):
        return f"{self.event}: {self.answer}"


class ReminderSent(models.Model):
    """One reminder per occurrence and member: running the job twice reminds no one twice."""

    occurrence = models.ForeignKey("agenda.Occurrence", on_delete=models.CASCADE,
                                   related_name="reminders")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="agenda_reminders")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [models.UniqueConstraint(fields=["occurrence", "member"],
                                               name="agenda_one_reminder_per_occurrence")]
