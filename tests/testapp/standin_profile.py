"""TEMPORARY stand-in for issue 3a's core.identity.models.Profile, for the tests of issue 3b.

Only defined while core.identity has no Profile; removed when 3a's work is merged.
"""
from django.conf import settings
from django.db import models
from django.db.models.signals import post_save

try:
    from core.identity.models import Profile  # noqa: F401
    STANDIN = False
except ImportError:
    STANDIN = True

if STANDIN:
    class Profile(models.Model):
        user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                    related_name="profile")
        handle = models.CharField(max_length=40, unique=True)
        display_name = models.CharField(max_length=80, blank=True)

        class Meta:
            app_label = "testapp"

    def _create_profile(sender, instance, created, raw=False, **kwargs):
        if created and not raw:
            Profile.objects.create(user=instance, handle=f"member{instance.pk}x")

    post_save.connect(_create_profile, sender=settings.AUTH_USER_MODEL,
                      dispatch_uid="testapp_standin_profile")
