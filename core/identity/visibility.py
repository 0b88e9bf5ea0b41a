"""What of a member's profile a viewer may see: the one place this rule lives."""
from dataclasses import dataclass

from core.privacy.relations import audiences_towards


@dataclass(frozen=True)
class ProfileView:
    """The outcome for one viewer: may they see the profile, and which of its fields."""

    visible: bool
    fields: frozenset

    def shows(self, field: str) -> bool:
        return field in self.fields


def profile_view_for(viewer, profile) -> ProfileView:
    """A profile is visible if its audience is reached; a field if its own audience is too.

    Handle and the verified badge are shown to whoever may see the profile; the owner sees all.
    """
    if not profile.user.is_active:
        return ProfileView(False, frozenset())
    reached = audiences_towards(viewer, profile.user)
    if profile.audience not in reached:
        return ProfileView(False, frozenset())
    fields = frozenset(field for field in profile.AUDIENCED_FIELDS
                       if profile.field_audience(field) in reached)
    return ProfileView(True, fields)
