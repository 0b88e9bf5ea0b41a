"""The page at ``/``: names the API root, the docs and the admin (no external assets)."""
from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe


@require_safe
def home(request):
    return render(request, "stent/home.html", {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "api_root": reverse("api-root"),
        "docs": reverse("api-docs"),
        "admin": reverse("wagtailadmin_home"),
        "health": reverse("healthz"),
    })
