"""The demo site moderator (development mode only): Wagtail's "Moderators" group gets the
moderation permission, and the demo moderator joins it."""
from django.conf import settings
from django.contrib.auth.models import Group, Permission

from core.identity.demo import MODERATOR_EMAIL, demo_account
from core.moderation.roles import MODERATE_PERMISSION


def create_demo_moderator():
    if not settings.DEBUG:
        return None
    app_label, codename = MODERATE_PERMISSION.split(".")
    group, _ = Group.objects.get_or_create(name="Moderators")
    group.permissions.add(Permission.objects.get(content_type__app_label=app_label,
                                                 codename=codename))
    return demo_account(MODERATOR_EMAIL, group, is_staff=True)
