"""Every account gets its profile the moment it is created, so `user.profile.handle` works;
every sign-in is indexed by member."""
from allauth.core.internal.httpkit import get_client_ip as client_ip
from allauth.usersessions.models import UserSession
from django.contrib.auth.signals import user_logged_in as django_user_logged_in
from django.db.models.signals import post_save
from django.dispatch import receiver

from core.identity.handles import generate_handle
from core.privacy.audiences import Audience
from core.privacy.purposes import Purpose
from core.privacy.signals import consent_withdrawn
from core.identity.models import Profile, User


@receiver(post_save, sender=User, dispatch_uid="identity_create_profile")
def create_profile(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        Profile.objects.get_or_create(user=instance, defaults={"handle": generate_handle()})

UNKNOWN_ADDRESS = "::"  # the unspecified address: a sign-in made without a network peer (tests)


@receiver(django_user_logged_in, dispatch_uid="identity_index_session")
def index_session(sender, request, user, **kwargs):
    """Every sign-in, the admin's included (allauth indexes only its own), goes into allauth's
    index of user sessions, so a member's sessions are found without decoding every session."""
    session = getattr(request, "session", None) if request is not None else None
    if session is None:
        return
    if not session.session_key:
        session.save()
    UserSession.objects.get_or_create(session_key=session.session_key, defaults={
        "user": user, "ip": client_ip(request) or UNKNOWN_ADDRESS,
        "user_agent": request.META.get("HTTP_USER_AGENT", "")[:200]})


@receiver(consent_withdrawn, dispatch_uid="identity_hide_conditions")
def hide_conditions(sender, member, purpose, **kwargs):
    """Withdrawing the health-data consent stops every use at once: nobody sees the conditions."""
    if purpose == Purpose.HEALTH_DATA:
        Profile.objects.filter(user=member).update(conditions_audience=Audience.PRIVATE)
