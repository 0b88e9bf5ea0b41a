"""Every admin listing and inspect view of Stent's models shows dates in the current time zone,
in one format, and an empty value as a dash (never "None").

The demo content of every enabled plugin is seeded, then each listing (a ModelViewSet or a
snippet of core, cms or a plugin, future ones too) is opened as the admin.
"""
import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.model import ModelViewSet

from core.display import local_date

pytestmark = pytest.mark.django_db

CELL = re.compile(r"<(td|dd)\b[^>]*>(.*?)</\1>", re.S)


def stent_viewsets():
    """The listings of Stent's models (the admin's URLs, loaded by now, registered them)."""
    found = []
    for viewset in viewsets.viewsets:
        for each in getattr(viewset, "registerables", None) or [viewset]:
            if isinstance(each, ModelViewSet) and each.model.__module__.startswith(
                    ("core.", "cms.", "plugins.")):
                found.append(each)
    return found


def cells(html):
    return [" ".join(strip_tags(text).split()) for _tag, text in CELL.findall(html)]


def shown_date_fields(viewset):
    listed = getattr(viewset, "list_display", ())
    names = [name for name in listed if isinstance(name, str)] if isinstance(
        listed, (list, tuple)) else []
    fields = []
    for name in names:
        try:
            field = viewset.model._meta.get_field(name)
        except Exception:  # a method or property column
            continue
        if isinstance(field, (models.DateField, models.DateTimeField)):
            fields.append(field)
    return fields


def renderings(value, zone):
    """The ways a moment may be printed, in ``zone``."""
    moment = value.astimezone(zone).replace(tzinfo=None)
    return {local_date(moment), f"{moment:%Y-%m-%d %H:%M}", f"{moment:%Y-%m-%d %H:%M:%S}"}


def date_time_fields(model):
    return [field for field in model._meta.get_fields()
            if isinstance(field, models.DateTimeField)]


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("stent_seed", verbosity=0)


def test_admin_dates_are_local_in_one_format_and_empty_values_a_dash(demo, client, settings):
    settings.TIME_ZONE = "Europe/Paris"
    admin = get_user_model().objects.filter(is_superuser=True).first()
    client.force_login(admin)
    assert client.get("/admin/").status_code == 200
    found = stent_viewsets()
    assert len(found) >= 10
    problems, dates_seen = [], 0
    for viewset in found:
        url = viewset.menu_url
        page = client.get(url)
        assert page.status_code == 200, url
        html = page.content.decode()
        objects = list(viewset.model._default_manager.all()[:50])
        pages = [(url, html)]
        if objects and viewset.inspect_view_enabled:
            inspect = reverse(viewset.get_url_name("inspect"), args=[objects[0].pk])
            pages.append((inspect, client.get(inspect).content.decode()))
        for where, text in pages:
            problems += [(where, "None") for cell in cells(text) if cell == "None"]
        moments = [value for obj in objects for field in date_time_fields(viewset.model)
                   if (value := getattr(obj, field.attname)) is not None]
        paris = set().union(*[renderings(value, timezone.get_current_timezone())
                              for value in moments])
        utc = set().union(*[renderings(value, datetime.timezone.utc) for value in moments])
        problems += [(where, f"a moment in UTC: {printed}") for where, text in pages
                     for printed in utc - paris if printed in text]
        for field in shown_date_fields(viewset):
            values = [getattr(obj, field.attname) for obj in objects]
            local = {local_date(value) for value in values if value is not None}
            if local:
                dates_seen += 1
                if not any(shown in html for shown in local):
                    problems.append((url, f"{field.name} not shown as {sorted(local)[:2]}"))
    assert not problems, "\n".join(map(str, sorted(set(problems))))
    assert dates_seen >= 5  # the demo data fills the date columns that are checked
