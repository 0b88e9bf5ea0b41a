"""The API root (what this installation offers) and the plugin information endpoints."""
from django.apps import apps
from drf_spectacular.utils import extend_schema, inline_serializer
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


def plugin_info_view(label: str):
    """A view describing one plugin, mounted at its root until it has endpoints of its own."""

    class PluginInfoView(APIView):
        permission_classes = [AllowAny]

        @extend_schema(operation_id=f"{label}_info", responses=PluginSerializer)
        def get(self, request):
            return Response(PluginSerializer(apps.get_app_config(label),
                                             context={"request": request}).data)

    PluginInfoView.__name__ = f"{label.title().replace('_', '')}InfoView"
    return PluginInfoView.as_view()
