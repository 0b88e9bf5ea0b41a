"""A member's own things: saved access needs (health data, under consent) and feed tokens."""
import secrets

from django.db import transaction
from django.utils import timezone
from core.errors import NotFound
from core.privacy.purposes import Purpose
from core.privacy.services import require_consent
from plugins.agenda.models import FEATURES, AccessNeeds, FeedToken
from plugins.agenda.models.members import token_digest


def check_needs_consent(member) -> None:
    """Access needs say something of a member's health: stored only with that consent."""
    require_consent(member, Purpose.HEALTH_DATA)


def needs_of(member):
    return AccessNeeds.objects.filter(member=member).first()


@transaction.atomic
def save_needs(member, **fields) -> AccessNeeds:
    check_needs_consent(member)
    needs, _created = AccessNeeds.objects.select_for_update().get_or_create(member=member)
    for name in (*FEATURES, "accessibility_notes"):
        if name in fields:
            setattr(needs, name, fields[name])
    needs.save()
    return needs


def forget_needs(member) -> None:
    AccessNeeds.objects.filter(member=member).delete()


def create_feed_token(member) -> tuple[FeedToken, str]:
    """A new feed address; the token is shown once, only its digest is kept."""
    token = secrets.token_urlsafe(32)
    feed = FeedToken.objects.create(member=member, digest=token_digest(token))
    return feed, token


def revoke_feed_token(member, feed_id) -> FeedToken:
    feed = FeedToken.objects.filter(member=member, pk=feed_id, revoked_at__isnull=True).first()
    if feed is None:
        raise NotFound()
    feed.revoked_at = timezone.now()
    feed.save(update_fields=["revoked_at"])
    return feed


def member_of_feed(token: str):
    """The member whose live feed this token opens; NotFound for a revoked or unknown one."""
    feed = (FeedToken.objects.select_related("member")
            .filter(digest=token_digest(token or ""), revoked_at__isnull=True,
                    member__is_active=True).first())
    if feed is None:
        raise NotFound()
    return feed.member
