"""The agenda's PrivacyHandler: a member's events, venues, registrations, answers and needs."""
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.privacy.handlers import PrivacyHandler
from plugins.agenda.models import (FEATURES, AccessNeeds, Event, FeedToken, Registration,
                                   ReminderSent, Rsvp, Venue)
from plugins.agenda.models.accessibility import features_of
from plugins.agenda.models.registrations import ACTIVE


def _when(value):
    return value.isoformat() if value else None


class AgendaPrivacyHandler(PrivacyHandler):
    identifier = "agenda"
    verbose_name = _("Agenda")
    description = _("The events and venues you organise or described, your registrations, "
                    "RSVPs, saved access needs and calendar feeds. Erasure frees your places "
                    "for others; past events keep their counts, linked to no one.")
    models = (Event, Venue, Registration, Rsvp, AccessNeeds, FeedToken, ReminderSent)

    def export(self, member) -> dict:
        needs = AccessNeeds.objects.filter(member=member).first()
        return {
            "events": [
                {"id": str(e.pk), "title": e.title, "description": e.description,
                 "category": e.category, "starts_at": _when(e.starts_at),
                 "ends_at": _when(e.ends_at), "timezone": e.timezone,
                 "recurrence": e.recurrence, "exdates": e.exdates, "mode": e.mode,
                 "online_url": e.online_url, "region": e.region, "audience": e.audience,
                 "status": e.status, "status_reason": e.status_reason,
                 "accessibility": features_of(e), "accessibility_notes": e.accessibility_notes,
                 "cover": e.cover.name or None}
                for e in Event.objects.filter(owner=member)
            ],
            "venues": [
                {"id": str(v.pk), "name": v.name, "address": v.address, "postcode": v.postcode,
                 "city": v.city, "region": v.region, "country": v.country,
                 "audience": v.audience, "accessibility": features_of(v),
                 "accessibility_notes": v.accessibility_notes}
                for v in Venue.objects.filter(owner=member)
            ],
            "registrations": [
                {"id": str(r.pk), "event": str(r.event_id), "title": r.event.title,
                 "occurrence": str(r.occurrence_id) if r.occurrence_id else None,
                 "date": _when(r.occurrence.starts_at) if r.occurrence_id else None,
                 "status": r.status, "companions": r.companions, "position": r.position,
                 "shown_to_participants": r.shown_to_participants,
                 "shared_needs": r.shared_needs, "shared_needs_note": r.shared_needs_note,
                 "registered_at": _when(r.created_at)}
                for r in Registration.objects.filter(member=member).select_related("event",
                                                                                   "occurrence")
            ],
            "rsvps": [
                {"event": str(a.event_id), "title": a.event.title, "answer": a.answer,
                 "answered_at": _when(a.updated_at)}
                for a in Rsvp.objects.filter(member=member).select_related("event")
            ],
            "access_needs": None if needs is None else {
                "features": [name for name in FEATURES if getattr(needs, name)],
                "notes": needs.accessibility_notes},
            "calendar_feeds": [
                {"id": str(f.pk), "created_at": _when(f.created_at),
                 "revoked_at": _when(f.revoked_at)}
                for f in FeedToken.objects.filter(member=member)
            ],
        }

    def erase(self, member) -> None:
        from plugins.agenda.services.registrations import cancel_registration

        now = timezone.now()
        # For the series while a date is to come; for one date while it is.
        to_come = (Q(occurrence__isnull=True, event__occurrences__ends_at__gt=now)
                   | Q(occurrence__ends_at__gt=now))
        live = Registration.objects.filter(to_come, member=member, status__in=ACTIVE).distinct()
        for registration in live:
            # Frees the place for the next in line, as a cancellation would.
            cancel_registration(registration)
        Registration.objects.filter(member=member).update(
            member=None, shared_needs=[], shared_needs_note="", shown_to_participants=False)
        Rsvp.objects.filter(member=member).update(member=None)
        AccessNeeds.objects.filter(member=member).delete()
        FeedToken.objects.filter(member=member).delete()
        ReminderSent.objects.filter(member=member).delete()
        with transaction.atomic():
            for event in Event.objects.filter(owner=member):
                if event.cover:
                    event.cover.delete(save=False)
                event.delete()
        Venue.objects.filter(owner=member, events__isnull=True).delete()
        Venue.objects.filter(owner=member).update(owner=None)
