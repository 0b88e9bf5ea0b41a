"""The crowdfunding PrivacyHandler: a member's campaigns, pledges and the updates they posted."""
from django.utils.translation import gettext_lazy as _

from core.privacy.handlers import PrivacyHandler
from plugins.crowdfunding.models import Campaign, CampaignUpdate, Pledge


def _when(value):
    return value.isoformat() if value else None


class CrowdfundingPrivacyHandler(PrivacyHandler):
    identifier = "crowdfunding"
    verbose_name = _("Crowdfunding")
    description = _("The campaigns you run, your pledges (amounts, messages, shipping details) "
                    "and the updates you posted. Erasure keeps every total: your pledges stay "
                    "counted, linked to no one.")
    models = (Campaign, Pledge, CampaignUpdate)

    def export(self, member) -> dict:
        return {
            "campaigns": [
                {"id": str(c.pk), "slug": c.slug, "title": c.title, "story": c.story,
                 "goal": c.goal, "currency": c.currency, "vat_note": c.vat_note,
                 "status": c.status, "use_of_funds": c.use_of_funds,
                 "stretch_goals": c.stretch_goals, "cover": c.cover.name or None,
                 "starts_at": _when(c.starts_at), "ends_at": _when(c.ends_at)}
                for c in Campaign.objects.filter(owner=member)
            ],
            "pledges": [
                {"id": str(p.pk), "campaign": str(p.campaign_id), "title": p.campaign.title,
                 "amount": p.amount, "currency": p.currency, "status": p.status,
                 "named": p.is_named, "message": p.message,
                 "tier": p.tier.title if p.tier else None,
                 "reward_data": p.reward_data, "shipping_name": p.shipping_name,
                 "shipping_address": p.shipping_address, "payment_reference": p.payment_reference,
                 "created_at": _when(p.created_at), "paid_at": _when(p.paid_at)}
                for p in Pledge.objects.filter(owner=member).select_related("campaign", "tier")
            ],
            "updates": [
                {"id": str(u.pk), "campaign": str(u.campaign_id), "title": u.title,
                 "body": u.body, "posted_at": _when(u.created_at)}
                for u in CampaignUpdate.objects.filter(owner=member)
            ],
        }

    def erase(self, member) -> None:
        # Pledges stay counted (totals are the sum of pledges), linked to no one, wordless.
        Pledge.objects.filter(owner=member).update(
            owner=None, audience="private", message="", shipping_name="", shipping_address="",
            reward_data={})
        CampaignUpdate.objects.filter(owner=member).delete()
        owned = Campaign.objects.filter(owner=member)
        # A campaign nobody backed goes with its owner; a backed one holds other people's
        # pledges (and money): it stays, handed to the plugin's managers, owned by no one.
        for campaign in owned.filter(pledges__isnull=True):
            if campaign.cover:
                campaign.cover.delete(save=False)
            campaign.delete()
        owned.update(owner=None)
