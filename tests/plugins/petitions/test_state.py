"""The reader's state has one definition: its Python and SQL readings agree on any petition."""
from datetime import timedelta

import pytest
from django.utils import timezone
from hypothesis import given, settings as hypothesis_settings, strategies as st
from hypothesis.extra.django import TestCase

from plugins.petitions import state
from plugins.petitions.models import Petition
from plugins.petitions.state import Status
from tests.plugins.petitions.factories import make_petition

NOW = timezone.now().replace(microsecond=0)
MOMENTS = st.one_of(st.none(), st.integers(-3, 3).map(lambda days: NOW + timedelta(days=days)))


class StateReadingsAgree(TestCase):
    @hypothesis_settings(max_examples=40, deadline=None)
    @given(status=st.sampled_from(Status.values), opens_at=MOMENTS, closes_at=MOMENTS)
    def test_python_and_sql_agree(self, status, opens_at, closes_at):
        if opens_at and closes_at and closes_at <= opens_at:
            opens_at = None  # the database refuses a window closing before it opens
        petition = make_petition(status=status, opens_at=opens_at, closes_at=closes_at)
        row = Petition.objects.values("status", "opens_at", "closes_at").get(pk=petition.pk)
        mine = Petition.objects.filter(pk=petition.pk)
        assert state.is_open(petition, NOW) == state.is_open(row, NOW) == mine.filter(
            state.open_q(NOW)).exists()
        seen = state.reader_state(petition, NOW)
        assert seen == state.reader_state(row, NOW)
        for candidate in Status.values:
            assert mine.filter(state.state_q(candidate, NOW)).exists() == (candidate == seen)
        assert mine.filter(state.lapsed_q(NOW)).exists() == (
            status == Status.PUBLISHED and seen == Status.CLOSED)


@pytest.mark.parametrize("count, goal, expected", [(0, 10, 0), (5, 10, 50), (30, 10, 100),
                                                   (1, 3, 33)])
def test_percentage_is_whole_and_capped(count, goal, expected):
    assert state.percentage(count, goal) == expected
