"""Recurrences: RFC 5545 rules expanded with python-dateutil in the event's own time zone.

Occurrences are computed on wall-clock times of the event's zone (an 18:00 meeting in Paris is at
18:00 before and after the October change), then stored in UTC. Exception dates are local dates.
"""
import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrulestr, rruleset
from django.utils.translation import gettext as _

from core.errors import Invalid

ALLOWED_FREQUENCIES = {DAILY, WEEKLY, MONTHLY, YEARLY}
#: Rule parts accepted: enough for real agendas, and none that can make a rule that never
#: matches (dateutil would then search until the year 9999).
ALLOWED_PARTS = {"FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH", "WKST"}
DAYS_IN_MONTH = {1: 31, 2: 29, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30,
                 12: 31}
#: No series keeps more dates than this (a daily rule over years would flood the agenda).
MAX_OCCURRENCES = 1000


def zone(name: str) -> ZoneInfo:
    if name not in available_timezones():
        raise Invalid("timezone", _("Unknown time zone: use an IANA name such as Europe/Paris."))
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise Invalid("timezone", _("Unknown time zone: use an IANA name such as Europe/Paris."))


def normalise_rule(text: str) -> str:
    """The rule as stored: upper case, without the ``RRULE:`` prefix."""
    text = (text or "").strip().upper()
    return text[len("RRULE:"):] if text.startswith("RRULE:") else text


def parse_rule(text: str, local_start: datetime):
    """The dateutil rule of ``text`` starting at ``local_start`` (aware, in the event's zone)."""
    text = normalise_rule(text)
    if "DTSTART" in text or "\n" in text or ";" not in text and not text.startswith("FREQ="):
        raise Invalid("recurrence", _("Give one RRULE, e.g. FREQ=WEEKLY;BYDAY=TU;COUNT=10."))
    parts = _parts(text)
    try:
        rule = rrulestr(text, dtstart=local_start)
    except (ValueError, TypeError, KeyError, IndexError, OverflowError):
        raise Invalid("recurrence", _("This recurrence rule is not valid RFC 5545.")) from None
    if rule._freq not in ALLOWED_FREQUENCIES:
        raise Invalid("recurrence", _("A series repeats at most daily."))
    _refuse_impossible(parts)
    return rule


def _parts(text: str) -> dict:
    try:
        parts = dict(part.split("=", 1) for part in text.split(";") if part)
    except ValueError:
        raise Invalid("recurrence", _("This recurrence rule is not valid RFC 5545.")) from None
    unknown = sorted(set(parts) - ALLOWED_PARTS)
    if unknown:
        raise Invalid("recurrence", _("These rule parts are not supported: %(parts)s.")
                      % {"parts": ", ".join(unknown)})
    return parts


def _numbers(value: str) -> list[int]:
    try:
        return [int(item) for item in value.split(",") if item]
    except ValueError:
        raise Invalid("recurrence", _("This recurrence rule is not valid RFC 5545.")) from None


def _refuse_impossible(parts: dict) -> None:
    """A rule that can never match (30 February, the first day being a fifth Monday)."""
    never = Invalid("recurrence", _("This rule never gives a date."))
    if "BYMONTHDAY" in parts:
        days = _numbers(parts["BYMONTHDAY"])
        months = _numbers(parts.get("BYMONTH", "")) or list(DAYS_IN_MONTH)
        if not any(abs(day) <= DAYS_IN_MONTH.get(month, 0) for day in days for month in months):
            raise never
        if re.search(r"[+-]?\d", parts.get("BYDAY", "")):
            raise Invalid("recurrence", _("Numbered weekdays (2MO) cannot be combined with "
                                          "BYMONTHDAY."))


def parse_exdates(values) -> list[date]:
    if not isinstance(values, (list, tuple)):
        raise Invalid("exdates", _("Give a list of dates (YYYY-MM-DD)."))
    try:
        return sorted({value if isinstance(value, date) else date.fromisoformat(str(value))
                       for value in values})
    except ValueError:
        raise Invalid("exdates", _("Give a list of dates (YYYY-MM-DD).")) from None


def expand(*, starts_at, ends_at, timezone_name, rule="", exdates=(), until=None):
    """``[(original_start, start, end)]`` in UTC, up to ``until`` (aware) for open series."""
    tz = zone(timezone_name)
    local_start = starts_at.astimezone(tz)
    # Wall-clock duration: a 18:00-20:00 meeting stays 18:00-20:00 across a DST change.
    duration = ends_at.astimezone(tz).replace(tzinfo=None) - local_start.replace(tzinfo=None)
    if not rule:
        return [(starts_at, starts_at, ends_at)]
    dates = rruleset()
    dates.rrule(parse_rule(rule, local_start))
    for day in parse_exdates(exdates):
        # dateutil drops the start's microseconds from the dates it gives: so must the EXDATE.
        dates.exdate(datetime.combine(day, local_start.timetz()).replace(microsecond=0))
    found = []
    for start in dates:
        if until is not None and start > until or len(found) >= MAX_OCCURRENCES:
            break
        end = (start.replace(tzinfo=None) + duration).replace(tzinfo=tz)
        utc_start = start.astimezone(ZoneInfo("UTC"))
        found.append((utc_start, utc_start, end.astimezone(ZoneInfo("UTC"))))
    return found


def horizon(now, days: int) -> datetime:
    return now + timedelta(days=days)
