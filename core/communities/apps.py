from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.privacy import registry


class CommunitiesConfig(AppConfig):
    name = "core.communities"
    label = "communities"
    verbose_name = _("Communities")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        membership = self.get_model("Membership")
        registry.register(
            community_ids=membership.community_ids_of,
            co_member_ids=lambda viewer: membership.objects.active().filter(
                community__in=membership.community_ids_of(viewer)).values("member_id"),
            shown_communities=membership.shown_on_profile_of,
        )
