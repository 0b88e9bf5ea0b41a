"""The toys_donation PrivacyHandler: the institutions a member registered, their pledges, the
thank-you updates and purchases they wrote as a ward manager.

Erasure keeps every total: item counters are stored apart from the pledges, so a member's
pledges stay counted, linked to no one and without their message; what they registered or wrote
about an institution (its name and city, a purchase record) stays with the ward, without their
name on it; their thank-you texts are deleted.
"""
from django.utils.translation import gettext_lazy as _

from core.privacy.handlers import PrivacyHandler
from plugins.toys_donation.models import Institution, Pledge, Purchase, ThanksUpdate, Ward


def _when(value):
    return value.isoformat() if value else None


class ToysDonationPrivacyHandler(PrivacyHandler):
    identifier = "toys_donation"
    verbose_name = _("Toy donation")
    description = _("The institutions you registered, the wards you manage, your pledges of "
                    "toys and the thank-you updates and purchases you recorded. Erasure keeps "
                    "the wards' counts: your pledges stay counted, linked to no one.")
    models = (Institution, Ward, Pledge, ThanksUpdate, Purchase)

    def export(self, member) -> dict:
        return {
            "institutions": [
                {"id": str(row.pk), "name": row.name, "kind": row.kind, "city": row.city,
                 "region": row.region, "created_at": _when(row.created_at)}
                for row in Institution.objects.filter(owner=member)],
            "managed_wards": [
                {"id": str(ward.pk), "name": ward.name, "institution": ward.institution.name}
                for ward in Ward.objects.filter(managers=member).select_related("institution")],
            "pledges": [
                {"id": str(pledge.pk), "item": pledge.item.title, "ward": pledge.item.ward.name,
                 "quantity": pledge.quantity, "method": pledge.method, "status": pledge.status,
                 "show_handle": pledge.show_handle, "message": pledge.message,
                 "created_at": _when(pledge.created_at), "sent_at": _when(pledge.sent_at),
                 "received_at": _when(pledge.received_at)}
                for pledge in Pledge.objects.filter(owner=member).select_related("item__ward")],
            "thanks": [
                {"id": str(update.pk), "ward": update.ward.name, "text": update.text,
                 "created_at": _when(update.created_at)}
                for update in ThanksUpdate.objects.filter(owner=member).select_related("ward")],
            "purchases": [
                {"id": str(row.pk), "description": row.description, "amount": row.amount,
                 "currency": row.currency, "purchased_on": row.purchased_on.isoformat()}
                for row in Purchase.objects.filter(recorded_by=member)],
        }

    def erase(self, member) -> None:
        # Counters live on the items: the pledges stay, anonymous and without their message.
        Pledge.objects.filter(owner=member).update(owner=None, message="", show_handle=False)
        for ward in Ward.objects.filter(managers=member):
            ward.managers.remove(member)
        ThanksUpdate.objects.filter(owner=member).delete()  # their own words go with them
        Institution.objects.filter(owner=member).update(owner=None)
        Purchase.objects.filter(recorded_by=member).update(recorded_by=None)
