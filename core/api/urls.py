"""Everything under /api/v1/: the root, schema and docs, the core's endpoints, each plugin's."""
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from core.api.views import ApiRootView
from core.plugins import call_each

urlpatterns = [
    path("", ApiRootView.as_view(), name="api-root"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("auth/", include("core.identity.auth_urls")),
    path("", include("core.identity.account_links")),
    path("", include("core.identity.urls")),
    path("", include("core.privacy.urls")),
    path("", include("core.communities.urls")),
    path("", include("core.moderation.urls")),
    path("", include("core.notifications.urls")),
    path("", include("cms.urls")),
]

for plugin_label, patterns in call_each("stent_api_urls"):
    if patterns:
        urlpatterns.append(path(f"{plugin_label}/", include((patterns, plugin_label))))
