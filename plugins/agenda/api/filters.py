"""Query parameters of the events and occurrences lists: dates, category, region, online,
accessibility (or the member's saved needs) and community."""
from datetime import datetime, time, timedelta

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from rest_framework.exceptions import NotAuthenticated, ValidationError
from rest_framework.filters import BaseFilterBackend

from plugins.agenda.conf import setting
from plugins.agenda.models import FEATURES, Category, Mode, Occurrence
from plugins.agenda.models.accessibility import features_of
from plugins.agenda.services.needs import needs_of

TRUE, FALSE = {"true", "1", "yes"}, {"false", "0", "no"}


def parse_moment(params, name):
    """A date (local midnight) or a date-time; None when absent; 400 when malformed."""
    raw = params.get(name)
    if raw in (None, ""):
        return None
    try:
        moment = parse_datetime(raw)
        if moment is None:
            day = parse_date(raw)
            moment = datetime.combine(day, time(0)) if day else None
    except ValueError:
        moment = None
    if moment is None:
        raise ValidationError({name: [_("Give a date (YYYY-MM-DD) or an ISO 8601 date-time.")]})
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def parse_flag(params, name):
    raw = params.get(name)
    if raw in (None, ""):
        return None
    if raw.lower() not in TRUE | FALSE:
        raise ValidationError({name: [_("Give true or false.")]})
    return raw.lower() in TRUE


def requested_features(request) -> list[str]:
    params = request.query_params
    names = [name.strip() for name in params.get("accessibility", "").split(",") if name.strip()]
    unknown = sorted(set(names) - set(FEATURES))
    if unknown:
        raise ValidationError({"accessibility": [_("Unknown features: %(names)s. Choose among: "
                                                   "%(all)s.") % {"names": ", ".join(unknown),
                                                                  "all": ", ".join(FEATURES)}]})
    if parse_flag(params, "my_needs"):
        if not request.user.is_authenticated:
            raise NotAuthenticated(_("Sign in to filter by your saved needs."))
        needs = needs_of(request.user)
        names += features_of(needs) if needs else []
    return sorted(set(names))


class AgendaFilter(BaseFilterBackend):
    """Filters on the event's columns; ``prefix`` is "" for events, "event__" for occurrences."""

    prefix = ""

    def filter_queryset(self, request, queryset, view):
        params, p = request.query_params, self.prefix
        category = params.get("category")
        if category:
            if category not in Category.values:
                raise ValidationError({"category": [_("Choose one of: %s.")
                                                    % ", ".join(Category.values)]})
            queryset = queryset.filter(**{f"{p}category": category})
        if params.get("region"):
            queryset = queryset.filter(**{f"{p}region__iexact": params["region"]})
        online = parse_flag(params, "online")
        if online is not None:
            online_modes = [Mode.ONLINE, Mode.HYBRID]
            queryset = (queryset.filter(**{f"{p}mode__in": online_modes}) if online
                        else queryset.exclude(**{f"{p}mode": Mode.ONLINE}))
        if params.get("community"):
            queryset = queryset.filter(**{f"{p}community__slug": params["community"]})
        for name in requested_features(request):
            queryset = queryset.filter(**{f"{p}access_features__contains": f",{name},"})
        return self.filter_dates(request, queryset)

    def filter_dates(self, request, queryset):
        start = parse_moment(request.query_params, "from") or timezone.now()
        end = parse_moment(request.query_params, "to")
        if end is not None and end <= start:
            raise ValidationError({"to": [_("The end of the range must come after its start.")]})
        queryset = queryset.filter(last_ends_at__gt=start)
        if end is None:
            return queryset
        # A series may have no date inside a short range even though it spans it.
        return queryset.filter(starts_at__lt=end).filter(Exists(Occurrence.objects.filter(
            event=OuterRef("pk"), ends_at__gt=start, starts_at__lt=end)))

    def get_schema_operation_parameters(self, view):
        def param(name, description, schema=None):
            return {"name": name, "required": False, "in": "query", "description": description,
                    "schema": schema or {"type": "string"}}

        return [
            param("from", "Start of the range (date or date-time; default: now)."),
            param("to", "End of the range (date or date-time)."),
            param("category", "Category.", {"type": "string", "enum": Category.values}),
            param("region", "Region (exact, case-insensitive)."),
            param("online", "true: online or hybrid events; false: those one can attend in "
                            "person.", {"type": "boolean"}),
            param("community", "Community slug."),
            param("accessibility", "Comma-separated features the event or its venue must all "
                                   f"have: {', '.join(FEATURES)}."),
            param("my_needs", "true: the features saved in /me/needs/ (signed-in members).",
                  {"type": "boolean"}),
        ]


class OccurrenceFilter(AgendaFilter):
    """The calendar range: bounded (``MAX_RANGE_DAYS``), on each occurrence's own dates."""

    prefix = "event__"

    def filter_dates(self, request, queryset):
        start = parse_moment(request.query_params, "from") or timezone.now()
        end = parse_moment(request.query_params, "to") or start + timedelta(days=31)
        if end <= start:
            raise ValidationError({"to": [_("The end of the range must come after its start.")]})
        widest = setting("MAX_RANGE_DAYS")
        if end - start > timedelta(days=widest):
            raise ValidationError({"to": [_("A range spans at most %(days)s days.")
                                          % {"days": widest}]})
        return queryset.filter(Q(ends_at__gt=start) & Q(starts_at__lt=end))

    def get_schema_operation_parameters(self, view):
        params = super().get_schema_operation_parameters(view)
        params[1]["description"] = "End of the range (default: 31 days after its start)."
        return params
