"""Who the site's moderators are (to route reports and requests when nobody closer can)."""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q

from core.privacy.roles import MODERATE_PERMISSION


def site_moderators():
    """Active staff accounts holding the moderation permission (directly, by group, or as
    superusers): the same rule as ``core.privacy.roles.is_moderator``."""
    app_label, codename = MODERATE_PERMISSION.split(".")
    permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    return get_user_model().objects.filter(
        Q(is_superuser=True) | Q(user_permissions__in=permission)
        | Q(groups__permissions__in=permission), is_active=True, is_staff=True).distinct()
