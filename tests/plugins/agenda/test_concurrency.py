"""Real parallel registrations and cancellations on PostgreSQL: capacity and the line hold."""
import threading

import pytest

from core.notifications.models import Notification
from plugins.agenda.models import Event, Registration
from plugins.agenda.models.registrations import HOLDING
from plugins.agenda.services import registrations as services
from tests.concurrency import POSTGRESQL_ONLY, run_in_parallel
from tests.factories import UserFactory
from tests.plugins.agenda.conftest import client_for
from tests.plugins.agenda.factories import dates_of, registration_event, weekly_event

pytestmark = [pytest.mark.postgres, *POSTGRESQL_ONLY]


def one_each(items, action):
    """A job for run_in_parallel that takes the next item: every thread gets its own."""
    pending, lock = iter(items), threading.Lock()

    def job():
        with lock:
            item = next(pending)
        return action(item)

    return job


def holding_total(event):
    return sum(r.party_size for r in Registration.objects.filter(event=event, status__in=HOLDING))


def test_forty_members_at_once_for_ten_places_never_overbook():
    event = registration_event(capacity=10, max_companions=2)
    members = [(UserFactory(), n % 3 if n % 4 == 0 else 0) for n in range(40)]

    def register(pair):
        member, companions = pair
        return client_for(member).post(f"/api/v1/agenda/events/{event.pk}/registrations/",
                                       {"companions": companions}, format="json").status_code

    statuses = run_in_parallel(one_each(members, register), len(members))
    assert statuses == [201] * 40
    event.refresh_from_db()
    assert event.places_taken == holding_total(event) <= 10
    waiting = list(Registration.objects.filter(event=event, status="waiting")
                   .order_by("position"))
    confirmed = Registration.objects.filter(event=event, status="confirmed").count()
    assert confirmed + len(waiting) == 40
    # Arrival order: positions taken under the event's lock, one after the other.
    assert [r.position for r in waiting] == list(range(1, len(waiting) + 1))
    assert waiting == sorted(waiting, key=lambda r: r.created_at)


def two_cancellations_at_once(event, occurrence=None, *, bystanders=()):
    """Four places held, five in line (of ``occurrence`` when given): two holders cancel at
    once; the first two in line are offered a place, each once, and no one else hears."""
    holders = [UserFactory() for _ in range(4)]
    line = [UserFactory() for _ in range(5)]
    for member in holders + line:
        services.register(event, member, occurrence=occurrence)
    pool = Registration.objects.filter(event=event, occurrence=occurrence)
    leaving = [pool.get(member=m) for m in holders[:2]]
    results = run_in_parallel(one_each(leaving, services.cancel_registration), 2)
    assert all(isinstance(result, Registration) for result in results), results
    statuses = {r.member_id: r.status for r in pool}
    assert [statuses[m.pk] for m in line] == ["offered", "offered", "waiting", "waiting",
                                              "waiting"]
    for member in line[:2]:
        assert Notification.objects.filter(recipient=member,
                                           kind="agenda.place_offered").count() == 1
    assert not Notification.objects.filter(recipient__in=[*line[2:], *bystanders]).exists()
    counter = occurrence or event  # the row counting the pool's places
    counter.refresh_from_db(fields=["places_taken"])
    assert counter.places_taken == sum(r.party_size
                                       for r in pool.filter(status__in=HOLDING)) == 4


def test_two_cancellations_at_once_promote_each_in_line_exactly_once():
    two_cancellations_at_once(registration_event(capacity=4, max_companions=0))


def test_one_member_registering_ten_times_at_once_registers_once():
    event = registration_event(capacity=10)
    member = UserFactory()

    def register():
        try:
            services.register(event, member)
            return "registered"
        except Exception as error:  # the test counts refusals
            return type(error).__name__

    outcomes = run_in_parallel(register, 10)
    assert sorted(outcomes) == ["Conflict"] * 9 + ["registered"]
    assert Event.objects.get(pk=event.pk).places_taken == 1


def test_forty_members_at_once_for_ten_places_on_one_date_never_overbook_it():
    event = weekly_event(capacity=10, max_companions=2)
    first, second = dates_of(event)[:2]
    services.register(event, UserFactory(), occurrence=second)  # another date, its own places
    members = [(UserFactory(), n % 3 if n % 4 == 0 else 0) for n in range(40)]

    def register(pair):
        member, companions = pair
        return client_for(member).post(
            f"/api/v1/agenda/events/{event.pk}/registrations/",
            {"occurrence": str(first.pk), "companions": companions},
            format="json").status_code

    statuses = run_in_parallel(one_each(members, register), len(members))
    assert statuses == [201] * 40
    first.refresh_from_db()
    held = Registration.objects.filter(occurrence=first, status__in=HOLDING)
    assert first.places_taken == sum(r.party_size for r in held) <= 10
    assert first.places_taken >= 10 - 2  # the line starts only when the next party does not fit
    waiting = list(Registration.objects.filter(occurrence=first, status="waiting")
                   .order_by("position"))
    assert held.count() + len(waiting) == 40
    assert [r.position for r in waiting] == list(range(1, len(waiting) + 1))
    assert waiting == sorted(waiting, key=lambda r: r.created_at)
    second.refresh_from_db()
    assert second.places_taken == 1 and Event.objects.get(pk=event.pk).places_taken == 0


def test_two_cancellations_at_once_on_one_date_promote_each_in_line_exactly_once():
    event = weekly_event(capacity=4, max_companions=0)
    first, second = dates_of(event)[:2]
    other_line = [UserFactory() for _ in range(5)]
    for member in other_line:
        services.register(event, member, occurrence=second)
    two_cancellations_at_once(event, first, bystanders=other_line)
