"""GET /api/v1/search/?q=: the site-wide search endpoint, paginated like Stent's other lists."""
from django.conf import settings
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import AllowAny

from cms.search import search_site
from core.api.pagination import StentPageNumberPagination


class SearchHitSerializer(serializers.Serializer):
    type = serializers.CharField(help_text="app_label.Model of the result, e.g. cms.ConditionPage")
    id = serializers.CharField()
    title = serializers.CharField()
    excerpt = serializers.CharField()
    url = serializers.CharField(help_text="path of the result in the API")


class SearchView(GenericAPIView):
    """Pages and plugin objects matching ``q``, only those the requester may see, best first."""

    permission_classes = [AllowAny]
    serializer_class = SearchHitSerializer
    pagination_class = StentPageNumberPagination

    @extend_schema(responses=SearchHitSerializer(many=True), parameters=[
        OpenApiParameter("q", str, required=True, description="words to look for"),
        OpenApiParameter("locale", str, description="only pages in this language (en, fr)"),
    ])
    def get(self, request):
        query = request.query_params.get("q", "").strip()
        if not query:
            raise ValidationError({"q": [_("Give some words to search for.")]})
        if len(query) > 200:
            raise ValidationError({"q": ["Ensure this field has no more than 200 characters."]})
        locale = request.query_params.get("locale") or None
        if locale and locale not in dict(settings.WAGTAIL_CONTENT_LANGUAGES):
            raise ValidationError({"locale": [f"Unknown locale \"{locale}\"."]})
        page = self.paginate_queryset(search_site(query, request, locale))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)
