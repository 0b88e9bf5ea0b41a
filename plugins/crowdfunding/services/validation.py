"""Checks of a campaign's structured fields: the use of funds, stretch goals, the window."""
from django.utils.translation import gettext as _

from core.errors import Invalid

MAX_PARTS = 20


def clean_use_of_funds(parts) -> list:
    """[{"label": str, "percent": int}, ...] adding up to exactly 100 (or no parts at all)."""
    if not isinstance(parts, list) or len(parts) > MAX_PARTS:
        raise Invalid("use_of_funds", _("Give a list of at most %(n)s parts.") % {"n": MAX_PARTS})
    cleaned = []
    for part in parts:
        label = part.get("label") if isinstance(part, dict) else None
        percent = part.get("percent") if isinstance(part, dict) else None
        if not isinstance(label, str) or not label.strip() or len(label) > 100:
            raise Invalid("use_of_funds", _("Each part needs a label of 1 to 100 characters."))
        if isinstance(percent, bool) or not isinstance(percent, int) or not 0 < percent <= 100:
            raise Invalid("use_of_funds", _("Each part needs a whole percentage from 1 to 100."))
        cleaned.append({"label": label.strip(), "percent": percent})
    if cleaned and sum(part["percent"] for part in cleaned) != 100:
        raise Invalid("use_of_funds", _("The parts of the use of funds must add up to 100 %."))
    return cleaned


def clean_stretch_goals(goals, goal: int) -> list:
    """[{"amount": int, "title": str, "description": str}, ...], each above the last one and
    the goal."""
    if not isinstance(goals, list) or len(goals) > MAX_PARTS:
        raise Invalid("stretch_goals", _("Give a list of at most %(n)s stretch goals.")
                      % {"n": MAX_PARTS})
    cleaned, floor = [], goal
    for item in goals:
        amount = item.get("amount") if isinstance(item, dict) else None
        title = item.get("title") if isinstance(item, dict) else None
        description = item.get("description", "") if isinstance(item, dict) else None
        if isinstance(amount, bool) or not isinstance(amount, int) or amount <= floor:
            raise Invalid("stretch_goals", _("Each stretch goal is a whole amount in minor units "
                                             "above the goal and the previous stretch goal."))
        if not isinstance(title, str) or not title.strip() or len(title) > 200:
            raise Invalid("stretch_goals", _("Each stretch goal needs a title of 1 to 200 "
                                             "characters."))
        if not isinstance(description, str) or len(description) > 2000:
            raise Invalid("stretch_goals", _("A stretch goal's description is text of at most "
                                             "2000 characters."))
        cleaned.append({"amount": amount, "title": title.strip(), "description": description})
        floor = amount
    return cleaned


def check_window(starts_at, ends_at):
    if starts_at and ends_at and ends_at <= starts_at:
        raise Invalid("ends_at", _("The campaign must end after it starts."))
