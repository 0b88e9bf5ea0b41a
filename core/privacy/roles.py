"""Who may moderate or manage: the few roles the privacy policy needs to know of."""

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


def is_manager_of(user, obj) -> bool:
    """A plugin's managers are those allowed to change its objects (a Wagtail group grants it)."""
    meta = obj._meta
    return bool(user is not None and user.is_authenticated and user.is_active
                and user.has_perm(f"{meta.app_label}.change_{meta.model_name}"))
