"""Signing: one signature per member or address, the count moved with F() in the same transaction.

Every change of a counted signature and the matching change of ``Petition.signature_count`` happen
in one transaction, the count through a conditional ``UPDATE`` that also checks the petition is
open: a petition closing at the same moment either takes the signature whole or not at all.
"""
import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _, gettext_lazy

from core.conf import frontend_link, plugin_setting
from core.errors import Conflict, Invalid, NotAllowed, NotFound
from core.notifications.email import send_email
from core.privacy.audiences import Audience
from plugins.petitions import notifications
from plugins.petitions.models import MILESTONES, Petition, Signature
from plugins.petitions.state import open_q


class AlreadySigned(Conflict):
    """409 carrying the member's existing signature, so a retrying client learns it counted."""

    default_message = gettext_lazy("You have already signed this petition.")

    def __init__(self, signature):
        super().__init__()
        self.signature = signature


def not_open():
    return Conflict(_("This petition is not open for signatures."))


def email_hash(address: str) -> str:
    """A keyed hash of the normalised address: uniqueness without storing the address."""
    return salted_hmac("stent.petitions.email", address.strip().lower(),
                       algorithm="sha256").hexdigest()


def _count(petition_id, delta: int) -> None:
    """Move the count, only while the petition is open; otherwise undo the whole transaction."""
    moved = Petition.objects.filter(open_q(), pk=petition_id).update(
        signature_count=F("signature_count") + delta)
    if not moved:
        raise not_open()
    if delta > 0:
        _notify_new_milestone(petition_id)


def _notify_new_milestone(petition_id) -> None:
    # The row is locked by the UPDATE above: what we read is this transaction's count.
    petition = Petition.objects.only("title", "signature_count", "signature_goal",
                                     "milestone_reached").get(pk=petition_id)
    reached = [m for m in MILESTONES
               if petition.signature_count * 100 >= petition.signature_goal * m]
    if reached and reached[-1] > petition.milestone_reached:
        Petition.objects.filter(pk=petition_id).update(milestone_reached=reached[-1])
        notifications.milestone(petition, reached[-1])


def sign(petition, member, *, show_name=False, show_region=False, comment="", region="",
         follows=False):
    now = timezone.now()
    try:
        with transaction.atomic():
            signature = Signature.objects.create(
                petition=petition, owner=member, email_hash=email_hash(member.email),
                audience=Audience.PUBLIC if show_name else Audience.PRIVATE,
                show_name=show_name, show_region=show_region, comment=comment,
                region=region.strip(), follows=follows,
                confirmed_at=now)
            _count(petition.pk, +1)
    except IntegrityError:
        existing = Signature.objects.filter(petition=petition, owner=member).first()
        if existing is None:  # the address signed by e-mail before the account existed
            raise Conflict(_("A signature from your e-mail address already counts.")) from None
        raise AlreadySigned(existing) from None
    return signature


def change_signature(signature, **fields):
    """The signer changes whether they are named, their comment, region or following."""
    for name, value in fields.items():
        setattr(signature, name, value)
    signature.audience = Audience.PUBLIC if signature.show_name else Audience.PRIVATE
    signature.save(update_fields=[*fields, "audience", "updated_at"])
    return signature


@transaction.atomic
def withdraw_signature(petition, member) -> None:
    if not plugin_setting("petitions", "ALLOW_WITHDRAWAL"):
        raise NotAllowed(_("Signatures cannot be withdrawn on this site."))
    deleted, _rows = Signature.objects.filter(petition=petition, owner=member,
                                              confirmed_at__isnull=False).delete()
    if not deleted:
        raise NotFound(_("You have not signed this petition."))
    _count(petition.pk, -1)


# --- Signatures of people without an account ---------------------------------------------

def confirmation_url(token: str) -> str:
    return frontend_link(plugin_setting("petitions", "CONFIRMATION_URL"), token=token)


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def sign_by_email(petition, address: str, *, comment="", region="") -> None:
    """Record a pending signature and mail its confirmation link.

    The answer is the same whether or not the address already signed or has an account, so
    nobody learns who signed what by trying addresses. An address holds at most one pending
    signature per petition, and is mailed about it at most once per
    ``PETITIONS_CONFIRMATION_RESEND_MINUTES``: asking again later mails a fresh link (the old
    one stops working), asking again sooner mails nothing.
    """
    if petition.audience != Audience.PUBLIC:
        raise NotAllowed(_("Only public petitions can be signed without an account."))
    if not petition.is_open:
        raise not_open()
    hashed, now = email_hash(address), timezone.now()
    if get_user_model().objects.filter(email__iexact=address.strip()).exists():
        if cache.add(f"petitions.sign-in-mail:{petition.pk}:{hashed}", True,
                     timeout=resend_interval().total_seconds()):
            send_email(address, _("Sign in to sign “%(title)s”") % {"title": petition.title},
                       _("This address belongs to an account: sign in to sign the petition."))
        return
    hours = plugin_setting("petitions", "CONFIRMATION_HOURS")
    secret = secrets.token_urlsafe(32)
    with transaction.atomic():
        # An expired, never confirmed signature no longer holds the address.
        Signature.objects.filter(petition=petition, email_hash=hashed, confirmed_at__isnull=True,
                                 expires_at__lte=now).delete()
        try:
            with transaction.atomic():
                signature = Signature.objects.create(
                    petition=petition, email_hash=hashed, confirmation_hash=_digest(secret),
                    comment=comment, region=region.strip(), confirmation_sent_at=now,
                    expires_at=now + timedelta(hours=hours))
        except IntegrityError:
            signature = _renew_pending(petition, hashed, _digest(secret), now, hours)
            if signature is None:
                return  # confirmed, or mailed too recently: one signature per address
        send_email(
            address, _("Confirm your signature of “%(title)s”") % {"title": petition.title},
            _("Your signature counts once you confirm it within %(hours)s hours:\n%(url)s\n\n"
              "If you did not sign, ignore this message: nothing will be kept.")
            % {"hours": hours, "url": confirmation_url(f"{signature.pk}.{secret}")})


def resend_interval() -> timedelta:
    return timedelta(minutes=plugin_setting("petitions", "CONFIRMATION_RESEND_MINUTES"))


def _renew_pending(petition, hashed, digest, now, hours):
    """The address's pending signature with a new link, when its last one was mailed long enough
    ago; None otherwise. One conditional UPDATE: two requests at once renew it once."""
    # Rows older than the column were mailed long ago.
    mailed_long_ago = (Q(confirmation_sent_at__isnull=True)
                       | Q(confirmation_sent_at__lte=now - resend_interval()))
    renewed = Signature.objects.filter(
        mailed_long_ago, petition=petition, email_hash=hashed, confirmed_at__isnull=True,
    ).update(confirmation_hash=digest, confirmation_sent_at=now,
             expires_at=now + timedelta(hours=hours), updated_at=now)
    if not renewed:
        return None
    return Signature.objects.only("pk").get(petition=petition, email_hash=hashed)


@transaction.atomic
def confirm(token: str) -> Signature:
    """Count an e-mailed signature; confirming twice is harmless."""
    invalid = Invalid("token", _("This link is invalid or has expired."))
    signature_id, _dot, secret = (token or "").partition(".")
    try:
        signature = Signature.objects.select_for_update().get(pk=signature_id,
                                                              email_hash__isnull=False)
    except (Signature.DoesNotExist, DjangoValidationError, ValueError):
        raise invalid from None
    if not secret or not constant_time_compare(_digest(secret), signature.confirmation_hash):
        raise invalid
    if signature.confirmed_at is not None:
        return signature
    if signature.expires_at is None or signature.expires_at <= timezone.now():
        raise invalid
    signature.confirmed_at, signature.expires_at = timezone.now(), None
    signature.save(update_fields=["confirmed_at", "expires_at", "updated_at"])
    _count(signature.petition_id, +1)
    return signature


def purge_unconfirmed_signatures(now=None) -> int:
    """Delete e-mailed signatures never confirmed in time (they were never counted)."""
    deleted, _rows = Signature.objects.filter(confirmed_at__isnull=True,
                                              expires_at__lte=now or timezone.now()).delete()
    return deleted
