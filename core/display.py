"""How a value reads to a person in the admin: dates in the current time zone, empty as a dash.

Every admin listing column of a model's field and every inspect view show their values through
``shown`` (``core/wagtail_hooks.py`` puts it under Wagtail's generic views), and a model's
``__str__`` names its moments with ``local_date``: a date reads the same in each listing,
inspect view and breadcrumb of the core and of every plugin, and an empty one is "—".
"""
import datetime

from django.utils import formats, timezone

EMPTY = "—"


def local_date(value) -> str:
    """A date or a moment, in the current time zone, in the locale's format."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return formats.date_format(value, "DATETIME_FORMAT")
    return formats.date_format(value, "DATE_FORMAT")


def shown(value):
    """What the admin shows for ``value``: dates as ``local_date``, nothing as a dash."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, (datetime.date, datetime.datetime)):
        return local_date(value)
    return value
