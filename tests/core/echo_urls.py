"""The real URLconf plus an echo endpoint, to exercise request parsing under /api/."""
from django.urls import path
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from core.urls import urlpatterns as real_urlpatterns


@api_view(["POST"])
@permission_classes([AllowAny])
def echo(request):
    return Response(request.data)


@api_view(["GET"])
@permission_classes([AllowAny])
def crash(request):
    raise RuntimeError("boom")


urlpatterns = [path("api/v1/echo/", echo), path("api/v1/crash/", crash), *real_urlpatterns]
