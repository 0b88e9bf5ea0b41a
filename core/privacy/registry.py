"""The relations between members that the audience rule reads, provided by the apps owning them.

The privacy layer sits below identity (circles), communities (memberships) and moderation (blocks,
the moderator role): it cannot import them. Each of those apps registers its part in its
``AppConfig.ready()``; the rule asks for it here. Every provider returns a subquery of user or
community ids (so that the rule stays one SQL query), a queryset of users (``site_moderators``,
for the apps below moderation that route requests to them), a bool (``is_moderator``), or, for
the profile's own display, the communities a member shows (``shown_communities``).
"""
from django.core.exceptions import ImproperlyConfigured

#: name -> what the provider returns, for the viewer given.
PROVIDERS = {
    "circle_owner_ids": "ids of the members who accepted the viewer into their circle",
    "community_ids": "ids of the communities the viewer is an active member of",
    "co_member_ids": "ids of the members sharing an active community with the viewer",
    "blocked_ids": "ids of the members the viewer blocked",
    "blocker_ids": "ids of the members who blocked the viewer",
    "is_moderator": "whether the viewer is one of the site's moderators (a bool)",
    "site_moderators": "the site's moderators, a queryset of users (no viewer needed)",
    "shown_communities": "the communities the member given chose to show on their profile, "
                         "as a list of {'slug', 'name'} dicts (for the profile, not a relation)",
}

_registered = {}


def register(**providers) -> None:
    """Called by the owning apps' ``ready()``: ``register(circle_owner_ids=...)``."""
    unknown = set(providers) - set(PROVIDERS)
    if unknown:
        raise ImproperlyConfigured(f"Unknown relation providers: {', '.join(sorted(unknown))}.")
    _registered.update(providers)


def provided(name: str, viewer=None):
    """What the provider ``name`` answers for ``viewer``."""
    try:
        provider = _registered[name]
    except KeyError:
        raise ImproperlyConfigured(
            f"No app registered the '{name}' relation ({PROVIDERS[name]}): is its core app in "
            "INSTALLED_APPS?") from None
    return provider(viewer)


def is_moderator(user) -> bool:
    """The moderator role as the privacy layer sees it (``core.moderation.roles`` decides)."""
    return bool(user is not None and user.is_authenticated and provided("is_moderator", user))


def site_moderators():
    """The site's moderators (``core.moderation.roles.site_moderators``), for lower layers."""
    return provided("site_moderators")
