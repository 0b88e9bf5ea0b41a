"""Every account gets its profile the moment it is created, so `user.profile.handle` works."""
from django.db.models.signals import post_save
from django.dispatch import receiver

from core.identity.handles import generate_handle
from core.identity.models import Profile, User


@receiver(post_save, sender=User, dispatch_uid="identity_create_profile")
def create_profile(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        Profile.objects.get_or_create(user=instance, defaults={"handle": generate_handle()})
