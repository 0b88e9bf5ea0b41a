"""The state a reader sees and whether a petition is open: one definition, read in Python or SQL.

A published petition past its deadline reads as ``closed`` before ``close_expired`` stores it.
The two rules below are written once, as tests on stored columns; ``holds`` evaluates them on a
model instance or a raw ``.values()`` row, ``q`` turns them into the equivalent ``Q`` filter, so the
model, the lean list, the list filters, the signing ``UPDATE`` and the closing task cannot drift.
"""
from __future__ import annotations

import operator
from collections.abc import Mapping
from dataclasses import dataclass
from functools import reduce

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    """Stored states; a published petition past its deadline reads as ``closed`` everywhere."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Waiting for review")
    PUBLISHED = "published", _("Open for signatures")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    CLOSED = "closed", _("Closed")
    DELIVERED = "delivered", _("Delivered")
    ANSWERED = "answered", _("Answered")


NOW = object()  # stands for the moment of evaluation in a rule


#: Each lookup's comparison (one per test and row of a list page: no dict built each time).
_COMPARE = {"exact": operator.eq, "lte": operator.le, "gt": operator.gt}


def _value(row, field):
    return row[field] if isinstance(row, Mapping) else getattr(row, field)


@dataclass(frozen=True)
class Test:
    """One comparison of a stored column, with SQL's meaning (a NULL compares false)."""

    field: str
    lookup: str  # "exact", "lte", "gt" or "isnull"
    value: object

    def holds(self, row, now) -> bool:
        stored, wanted = _value(row, self.field), now if self.value is NOW else self.value
        if self.lookup == "isnull":
            return (stored is None) == wanted
        if stored is None:
            return False
        return _COMPARE[self.lookup](stored, wanted)

    def q(self, now) -> Q:
        return Q(**{f"{self.field}__{self.lookup}": now if self.value is NOW else self.value})


@dataclass(frozen=True)
class Combined:
    """Tests joined by AND (``every=True``) or by OR."""

    parts: tuple
    every: bool = True

    def holds(self, row, now) -> bool:
        return (all if self.every else any)(part.holds(row, now) for part in self.parts)

    def q(self, now) -> Q:
        return reduce(operator.and_ if self.every else operator.or_,
                      (part.q(now) for part in self.parts))


#: Published, deadline passed: the reader sees ``closed``.
LAPSED = Combined((Test("status", "exact", Status.PUBLISHED), Test("closes_at", "lte", NOW)))
#: Published, inside its signing window: signatures count.
OPEN = Combined((Test("status", "exact", Status.PUBLISHED), Test("closes_at", "gt", NOW),
                 Combined((Test("opens_at", "isnull", True), Test("opens_at", "lte", NOW)),
                          every=False)))


def reader_state(row, now=None) -> str:
    """The state a reader sees, of a Petition or a raw row holding status and closes_at."""
    if LAPSED.holds(row, now or timezone.now()):
        return Status.CLOSED.value
    return str(_value(row, "status"))


def is_open(row, now=None) -> bool:
    """Whether signatures count now, of a Petition or a raw row with status, opens_at, closes_at."""
    return OPEN.holds(row, now or timezone.now())


def percentage(signature_count: int, signature_goal: int) -> int:
    """Progress towards the goal, in whole percent, never above 100."""
    return min(100, signature_count * 100 // signature_goal)


def lapsed_q(now=None) -> Q:
    return LAPSED.q(now or timezone.now())


def open_q(now=None) -> Q:
    return OPEN.q(now or timezone.now())


def state_q(state: str, now=None) -> Q:
    """The filter on the state a reader sees: the SQL form of ``reader_state(row) == state``."""
    lapsed = lapsed_q(now)
    if state == Status.CLOSED:
        return Q(status=Status.CLOSED) | lapsed
    return Q(status=state) & ~lapsed
