"""Erasure finds a member's sessions through allauth's index, not by decoding every session."""
import pytest
from allauth.usersessions.models import UserSession
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.privacy.privacy import delete_sessions_of
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def signed_in(client_class, member, devices=1):
    for _ in range(devices):
        client_class().force_login(member)


def test_the_members_sessions_end_and_no_one_elses(client):
    member, other = UserFactory(), UserFactory()
    signed_in(type(client), member, devices=2)
    signed_in(type(client), other)
    assert UserSession.objects.filter(user=member).count() == 2
    keys = set(UserSession.objects.filter(user=member).values_list("session_key", flat=True))

    delete_sessions_of(member)

    assert not Session.objects.filter(session_key__in=keys).exists()
    assert Session.objects.count() == 1
    assert UserSession.objects.filter(user=other).count() == 1


def test_the_work_does_not_grow_with_other_members_sessions(client):
    member = UserFactory()
    signed_in(type(client), member)

    def queries_to_erase_with(others):
        for _ in range(others):
            signed_in(type(client), UserFactory())
        target = UserFactory()
        signed_in(type(client), target)
        with CaptureQueriesContext(connection) as queries:
            delete_sessions_of(target)
        return len(queries)

    assert queries_to_erase_with(1) == queries_to_erase_with(20)


def test_the_export_lists_the_members_sessions(client):
    from core.privacy.privacy import AccountHandler

    member = UserFactory()
    signed_in(type(client), member, devices=2)
    sessions = AccountHandler().export(member)["sessions"]
    assert len(sessions) == 2 and set(sessions[0]) == {"started_at", "last_seen_at", "ip",
                                                        "device"}
