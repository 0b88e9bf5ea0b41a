"""Demo content owned by the core: the demo administrator (development mode only)."""
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model


def create_demo_admin():
    """Create the demo administrator once; never outside development mode.

    Its e-mail is verified and primary: the headless login refuses an unverified address.
    """
    if not settings.DEBUG:
        return None
    user_model = get_user_model()
    admin, created = user_model.objects.get_or_create(
        email=settings.STENT_DEMO_ADMIN_EMAIL,
        defaults={"is_staff": True, "is_superuser": True},
    )
    if created:
        admin.set_password(settings.STENT_DEMO_PASSWORD)
        admin.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(
        user=admin, email=admin.email, defaults={"verified": True, "primary": True})
    return admin
