"""Query parameters of the listings list: kind, category (with its sub-categories), condition,
area, hand-over option, free text."""
from django.db.models import Q
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.filters import BaseFilterBackend

from plugins.exchange.models import Category, Condition, Kind

HANDOVER = ("pick_up", "delivery", "shipping")


def _choice(params, name, allowed):
    value = params.get(name)
    if value and value not in allowed:
        raise ValidationError({name: [_("Choose one of: %s.") % ", ".join(allowed)]})
    return value


class ListingFilter(BaseFilterBackend):
    def filter_queryset(self, request, queryset, view):
        params = request.query_params
        if kind := _choice(params, "kind", Kind.values):
            queryset = queryset.filter(kind=kind)
        if condition := _choice(params, "condition", Condition.values):
            queryset = queryset.filter(condition=condition)
        if handover := _choice(params, "handover", HANDOVER):
            queryset = queryset.filter(**{handover: True})
        if slug := params.get("category"):
            parents = Category.objects.filter(slug=slug).values("pk")
            queryset = queryset.filter(Q(category__slug=slug) | Q(category__parent__in=parents))
        if region := params.get("region"):
            queryset = queryset.filter(region__iexact=region[:80])
        if prefix := params.get("postal_prefix"):
            queryset = queryset.filter(postal_prefix__startswith=prefix[:3])
        if words := params.get("search"):
            words = words[:200]
            queryset = queryset.filter(Q(title__icontains=words)
                                       | Q(description__icontains=words))
        if params.get("mine") in ("1", "true") and request.user.is_authenticated:
            queryset = queryset.filter(owner=request.user)
        return queryset

    def get_schema_operation_parameters(self, view):
        def param(name, description, enum=None):
            schema = {"type": "string", **({"enum": list(enum)} if enum else {})}
            return {"name": name, "required": False, "in": "query", "description": description,
                    "schema": schema}

        return [
            param("kind", "offer or request", Kind.values),
            param("category", "Category slug (its sub-categories included)."),
            param("condition", "Condition of the item.", Condition.values),
            param("region", "Region, as listed."),
            param("postal_prefix", "Start of the postal-code prefix."),
            param("handover", "Hand-over option offered.", HANDOVER),
            param("search", "Words in the title or description."),
            param("mine", "1: only my listings (all their states)."),
        ]
