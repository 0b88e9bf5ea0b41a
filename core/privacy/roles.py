"""Who may manage a plugin's objects (the moderator role lives in ``core.moderation.roles``)."""


def is_manager_of(user, obj) -> bool:
    """A plugin's managers are those allowed to change its objects (a Wagtail group grants it)."""
    meta = obj._meta
    return bool(user is not None and user.is_authenticated and user.is_active
                and user.has_perm(f"{meta.app_label}.change_{meta.model_name}"))
