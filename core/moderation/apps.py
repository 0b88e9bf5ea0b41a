from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.moderation import roles
from core.privacy import registry


class ModerationConfig(AppConfig):
    name = "core.moderation"
    label = "moderation"
    verbose_name = _("Moderation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        block = self.get_model("Block")
        registry.register(
            blocked_ids=lambda viewer: block.objects.filter(blocker=viewer).values("blocked_id"),
            blocker_ids=lambda viewer: block.objects.filter(blocked=viewer).values("blocker_id"),
            is_moderator=roles.is_moderator,
            site_moderators=lambda _viewer=None: roles.site_moderators(),
        )
