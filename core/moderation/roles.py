"""The site's moderator role: who holds it, one rule read in Python and in SQL."""
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import Q

MODERATE_PERMISSION = "moderation.moderate"


def is_moderator(user) -> bool:
    """Site moderators see hidden objects (to review them); they do not see private ones.

    Moderators are staff (they work in the Wagtail admin) holding the moderate permission;
    checking ``is_staff`` first spares every ordinary member's request the permission queries.
    """
    return bool(
        user is not None and user.is_authenticated and user.is_active and user.is_staff
        and (user.is_superuser or user.has_perm(MODERATE_PERMISSION))
    )


def site_moderators():
    """Active staff accounts holding the moderation permission (directly, by group, or as
    superusers): ``is_moderator``'s rule in SQL, to route reports and requests."""
    app_label, codename = MODERATE_PERMISSION.split(".")
    # Looked up through the app registry: this module is imported by AppConfig.ready().
    permission = apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label=app_label, codename=codename)
    return get_user_model().objects.filter(
        Q(is_superuser=True) | Q(user_permissions__in=permission)
        | Q(groups__permissions__in=permission), is_active=True, is_staff=True).distinct()
