"""The API root (what this installation offers) and the plugin information endpoints."""
from django.apps import apps
from django.urls import URLResolver, get_resolver, reverse as url_reverse
from drf_spectacular.utils import extend_schema, extend_schema_field, inline_serializer
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from core.plugins import enabled_plugin_configs


class PluginSerializer(serializers.Serializer):
    name = serializers.CharField(source="label")
    verbose_name = serializers.CharField()
    description = serializers.CharField()
    version = serializers.CharField()
    url = serializers.SerializerMethodField()

    def get_url(self, config) -> str:
        return self.context["request"].build_absolute_uri(f"/api/v1/{config.label}/")


class ApiRootView(APIView):
    """Entry point of the API: enabled plugins and where the schema and docs are."""

    permission_classes = [AllowAny]

    @extend_schema(
        responses=inline_serializer(
            "ApiRoot",
            {
                "name": serializers.CharField(),
                "version": serializers.CharField(),
                "schema": serializers.URLField(),
                "docs": serializers.URLField(),
                "plugins": PluginSerializer(many=True),
            },
        )
    )
    def get(self, request):
        plugins = PluginSerializer(enabled_plugin_configs(), many=True, context={"request": request})
        return Response(
            {
                "name": "Stent",
                "version": "1",
                "schema": reverse("api-schema", request=request),
                "docs": reverse("api-docs", request=request),
                "plugins": plugins.data,
            }
        )


class PluginInfoSerializer(PluginSerializer):
    endpoints = serializers.SerializerMethodField(
        help_text="The plugin's collections and fixed actions, by route: where a front-end "
                  "starts.")

    @extend_schema_field(serializers.DictField(child=serializers.URLField()))
    def get_endpoints(self, config) -> dict:
        request = self.context["request"]
        return {route: request.build_absolute_uri(url)
                for route, url in collection_urls(config.label).items()}


def _plugin_resolver(label: str, patterns=None):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == label:
                return pattern
            if pattern.namespace is None and (found := _plugin_resolver(label,
                                                                        pattern.url_patterns)):
                return found
    return None


def collection_urls(label: str) -> dict:
    """{route: path} of the plugin's routes that take no argument (its lists and fixed actions),
    keyed by the route below the plugin's root (``surveys``, ``pledges/mine``)."""
    resolver = _plugin_resolver(label)
    root = f"/api/v1/{label}/"
    urls = {}
    for pattern in resolver.url_patterns if resolver else ():
        if isinstance(pattern, URLResolver) or not pattern.name or pattern.name == "info" \
                or pattern.pattern.converters or "(?P<" in str(pattern.pattern):
            continue
        path_ = url_reverse(f"{label}:{pattern.name}")
        if route := path_.removeprefix(root).strip("/"):
            urls.setdefault(route, path_)
    return urls


def plugin_info_view(label: str):
    """A view describing one plugin, mounted at its root until it has endpoints of its own:
    what it is and the URLs of its collections."""

    class PluginInfoView(APIView):
        permission_classes = [AllowAny]

        @extend_schema(operation_id=f"{label}_info", responses=PluginInfoSerializer)
        def get(self, request):
            return Response(PluginInfoSerializer(apps.get_app_config(label),
                                                 context={"request": request}).data)

    PluginInfoView.__name__ = f"{label.title().replace('_', '')}InfoView"
    return PluginInfoView.as_view()
