"""Participants hear what changed; reminders the day before; the periodic jobs are declared."""
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from core.notifications.models import Notification
from core.plugins import collect
from plugins.agenda.services import registrations as services
from plugins.agenda.services import rsvp
from plugins.agenda.services.events import cancel_event, postpone_event, update_event
from plugins.agenda.services.reminders import send_reminders
from tests.factories import UserFactory
from tests.plugins.agenda.factories import make_event, registration_event

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")


def kinds_of(member):
    return list(Notification.objects.filter(recipient=member).order_by("created_at")
                .values_list("kind", "title", "body"))


def test_registrants_and_the_waiting_list_hear_what_changed(organiser,
                                                            django_capture_on_commit_callbacks):
    event = registration_event(organiser, capacity=1)
    registrant, waiting, stranger = UserFactory(), UserFactory(), UserFactory()
    services.register(event, registrant)
    services.register(event, waiting)
    with django_capture_on_commit_callbacks(execute=True):
        update_event(event, organiser, starts_at=event.starts_at + timedelta(hours=1),
                     ends_at=event.ends_at + timedelta(hours=1))
    for member in (registrant, waiting):
        [(kind, title, body)] = kinds_of(member)
        assert kind == "agenda.changed" and "the start" in body and "the end" in body
    assert not kinds_of(stranger) and not kinds_of(organiser)


def test_a_title_change_alone_is_said(organiser, django_capture_on_commit_callbacks):
    event = registration_event(organiser)
    registrant = UserFactory()
    services.register(event, registrant)
    with django_capture_on_commit_callbacks(execute=True):
        update_event(event, organiser, capacity=20)  # not a change participants need to hear
    assert not kinds_of(registrant)


def test_cancel_and_postpone_reach_people_in_their_language(organiser,
                                                            django_capture_on_commit_callbacks):
    event = make_event(organiser, title="Café des aidants")
    french, english = UserFactory(), UserFactory()
    french.profile.language = "fr"
    french.profile.save()
    rsvp.answer(event, french, "going")
    rsvp.answer(event, english, "maybe")
    later = timezone.now() + timedelta(days=30)
    with django_capture_on_commit_callbacks(execute=True):
        postpone_event(event, starts_at=later, ends_at=later + timedelta(hours=1))
        cancel_event(event, reason="Salle fermée")
    assert [k for k, _t, _b in kinds_of(english)] == ["agenda.postponed", "agenda.cancelled"]
    titles = [t for _k, t, _b in kinds_of(french)]
    assert "reporté" in titles[0] and "annulé" in titles[1], titles


def test_hidden_events_notify_no_one(organiser, django_capture_on_commit_callbacks):
    event = make_event(organiser)
    member = UserFactory()
    rsvp.answer(event, member, "going")
    event.hidden_at = timezone.now()
    event.save(update_fields=["hidden_at"])
    with django_capture_on_commit_callbacks(execute=True):
        cancel_event(event)
    assert not kinds_of(member)


def test_reminders_go_once_the_day_before_outside_quiet_hours(
        organiser, django_capture_on_commit_callbacks):
    start = datetime(2027, 5, 4, 18, 0, tzinfo=PARIS)
    event = registration_event(organiser, starts_at=start, ends_at=start + timedelta(hours=2))
    registrant, waiting = UserFactory(), UserFactory()
    services.register(event, registrant, now=start - timedelta(days=3))
    night = datetime(2027, 5, 3, 23, 30, tzinfo=PARIS)
    evening = datetime(2027, 5, 3, 19, 0, tzinfo=PARIS)
    with django_capture_on_commit_callbacks(execute=True):
        assert send_reminders(now=start - timedelta(days=2)) == 0  # not yet
        assert send_reminders(now=night) == 0  # quiet hours
        assert send_reminders(now=evening) == 1
        assert send_reminders(now=evening + timedelta(hours=1)) == 0  # once
    assert [k for k, _t, _b in kinds_of(registrant)] == ["agenda.reminder"]
    assert not kinds_of(waiting)


def test_hook_stent_periodic_tasks_agenda_declares_its_jobs():
    names = {task.name for task in collect("stent_periodic_tasks")}
    assert {"agenda.expire_offers", "agenda.reminders", "agenda.extend_series"} <= names


def test_hook_stent_notification_kinds_agenda_declares_its_kinds():
    keys = {kind.key for kind in collect("stent_notification_kinds")}
    assert {"agenda.changed", "agenda.place_offered", "agenda.reminder"} <= keys
