from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.privacy import registry


class IdentityConfig(AppConfig):
    name = "core.identity"
    label = "identity"
    verbose_name = _("Identity")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.identity import signals  # noqa: F401  (connecting receivers needs the models)

        registry.register(
            circle_owner_ids=self.get_model("CircleMembership").owners_sharing_with)
