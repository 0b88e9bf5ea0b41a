"""The exchange PrivacyHandler: a member's listings, photos, requests, messages and thanks.

Erasure keeps the impact figures right: finished exchanges stay counted, linked to no one and
with none of the member's words."""
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.privacy.handlers import PrivacyHandler
from plugins.exchange.models import (ExchangeRequest, GiverProfile, Listing, ListingPhoto,
                                     ListingStatus, Message, RequestStatus, Thanks)

ERASED = "-"
FINISHED = (RequestStatus.HANDED_OVER, RequestStatus.RECEIVED, RequestStatus.RETURNED)


def _when(value):
    return value.isoformat() if value else None


class ExchangePrivacyHandler(PrivacyHandler):
    identifier = "exchange"
    verbose_name = _("Equipment exchange")
    description = _("Your listings and their photos, your requests, messages and thanks. "
                    "Erasure keeps finished exchanges counted in the impact figures, linked "
                    "to no one.")
    models = (Listing, ListingPhoto, ExchangeRequest, Message, Thanks, GiverProfile)

    def export(self, member) -> dict:
        listings = Listing.objects.filter(owner=member).select_related("category")
        return {
            "listings": [
                {"id": str(item.pk), "kind": item.kind, "mode": item.mode, "title": item.title,
                 "description": item.description, "category": item.category.slug,
                 "condition": item.condition, "width_cm": item.width_cm,
                 "depth_cm": item.depth_cm, "height_cm": item.height_cm,
                 "weight_kg": item.weight_kg, "region": item.region,
                 "postal_prefix": item.postal_prefix, "pick_up": item.pick_up,
                 "delivery": item.delivery, "shipping": item.shipping,
                 "cleaning_declared": item.cleaning_declared, "loan_days": item.loan_days,
                 "audience": item.audience, "status": item.status,
                 "published_at": _when(item.published_at), "expires_at": _when(item.expires_at),
                 "photos": [photo.image.name for photo in item.photos.all()]}
                for item in listings.prefetch_related("photos")
            ],
            "requests": [
                {"id": str(req.pk), "listing": str(req.listing_id), "message": req.message,
                 "status": req.status, "cancel_reason": req.cancel_reason if
                 req.cancelled_by_id == member.pk else "", "return_by": _when(req.return_by),
                 "sent_at": _when(req.created_at)}
                for req in ExchangeRequest.objects.filter(owner=member)
            ],
            "messages": [
                {"id": str(message.pk), "request": str(message.request_id), "body": message.body,
                 "sent_at": _when(message.created_at)}
                for message in Message.objects.filter(owner=member)
            ],
            "thanks": [
                {"id": str(thanks.pk), "request": str(thanks.request_id), "body": thanks.body,
                 "left_at": _when(thanks.created_at)}
                for thanks in Thanks.objects.filter(owner=member)
            ],
            "show_given_count": GiverProfile.objects.filter(
                member=member, show_given_count=True).exists(),
        }

    def erase(self, member) -> None:
        Message.objects.filter(owner=member).update(owner=None, body=ERASED)
        Thanks.objects.filter(owner=member).update(owner=None, body=ERASED)
        ExchangeRequest.objects.filter(cancelled_by=member).update(cancelled_by=None,
                                                                   cancel_reason="")
        requests = ExchangeRequest.objects.filter(owner=member)
        requests.exclude(status__in=FINISHED).delete()
        requests.update(owner=None, message=ERASED)
        GiverProfile.objects.filter(member=member).delete()
        for photo in ListingPhoto.objects.filter(listing__owner=member):
            photo.image.delete(save=False)
            photo.delete()
        listings = Listing.objects.filter(owner=member)
        finished = Q(requests__status__in=FINISHED)
        # Listings that never led to an exchange go; the others stay as anonymous counts.
        listings.exclude(pk__in=Listing.objects.filter(finished).values("pk")).delete()
        listings.update(owner=None, title=ERASED, description=ERASED, region="",
                        postal_prefix="", status=ListingStatus.WITHDRAWN)
