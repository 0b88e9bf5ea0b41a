"""A campaign's life: draft, review, live, then ended (see ending.py) and closed."""
import uuid

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.errors import Conflict, Invalid
from core.privacy.audiences import Audience
from plugins.crowdfunding import notifications
from plugins.crowdfunding.models import Campaign, CampaignStatus, ENDED_STATES
from plugins.crowdfunding.services.fulfilment import anonymise_shipping
from plugins.crowdfunding.services.locking import lock_campaign
from plugins.crowdfunding.services.validation import (check_window, clean_stretch_goals,
                                                      clean_use_of_funds)

EDITABLE_STATES = (CampaignStatus.DRAFT, CampaignStatus.REJECTED)
#: What stays editable once live: the words, never the money or the window.
LIVE_EDITABLE_FIELDS = {"story", "cover", "stretch_goals", "vat_note"}


def _unique_slug(title: str) -> str:
    # A random suffix: unique without a lookup, and no count of campaigns leaks.
    return f"{slugify(title)[:120] or 'campaign'}-{uuid.uuid4().hex[:8]}"


def _clean(fields: dict, campaign=None) -> dict:
    def current(name):
        return fields.get(name, getattr(campaign, name, None))

    check_window(current("starts_at"), current("ends_at"))
    if "use_of_funds" in fields:
        fields["use_of_funds"] = clean_use_of_funds(fields["use_of_funds"])
    if "stretch_goals" in fields or "goal" in fields:
        fields["stretch_goals"] = clean_stretch_goals(current("stretch_goals") or [],
                                                      current("goal"))
    return fields


@transaction.atomic
def create_campaign(owner, **fields) -> Campaign:
    fields = _clean(fields)
    return Campaign.objects.create(owner=owner, slug=_unique_slug(fields["title"]), **fields)


@transaction.atomic
def update_campaign(campaign, **fields) -> Campaign:
    campaign = lock_campaign(campaign.pk)
    if campaign.status not in EDITABLE_STATES:
        refused = sorted(set(fields) - LIVE_EDITABLE_FIELDS)
        if campaign.status != CampaignStatus.LIVE or refused:
            raise Conflict(_("Only a draft or a rejected campaign can change %(fields)s.")
                           % {"fields": ", ".join(refused or sorted(fields))})
    fields = _clean(fields, campaign)
    for name, value in fields.items():
        setattr(campaign, name, value)
    campaign.save()
    return campaign


@transaction.atomic
def delete_draft(campaign) -> None:
    campaign = lock_campaign(campaign.pk)
    if campaign.status not in EDITABLE_STATES:
        raise Conflict(_("Only a draft or a rejected campaign can be deleted."))
    campaign.delete()


@transaction.atomic
def submit(campaign) -> Campaign:
    campaign = lock_campaign(campaign.pk)
    if campaign.status not in EDITABLE_STATES:
        raise Conflict(_("This campaign was already submitted."))
    if campaign.audience == Audience.PRIVATE:
        raise Invalid("audience", _("A campaign seen by you alone cannot raise funds: choose a "
                                    "wider audience."))
    if campaign.ends_at <= timezone.now():
        raise Invalid("ends_at", _("The campaign's end is already past."))
    if not campaign.use_of_funds:
        raise Invalid("use_of_funds", _("Say how the money will be used before submitting."))
    campaign.status = CampaignStatus.IN_REVIEW
    campaign.submitted_at = timezone.now()
    campaign.rejection_reason = ""
    campaign.save(update_fields=["status", "submitted_at", "rejection_reason", "updated_at"])
    return campaign


@transaction.atomic
def approve(campaign, *, moderator) -> Campaign:
    campaign = lock_campaign(campaign.pk)
    if campaign.status != CampaignStatus.IN_REVIEW:
        raise Conflict(_("Only a campaign in review can be approved."))
    if campaign.ends_at <= timezone.now():
        raise Conflict(_("The campaign's end is already past: it goes back to its owner."))
    campaign.status = CampaignStatus.LIVE
    campaign.approved_at = timezone.now()
    campaign.save(update_fields=["status", "approved_at", "updated_at"])
    notifications.reviewed(campaign)
    return campaign


@transaction.atomic
def reject(campaign, *, moderator, reason) -> Campaign:
    campaign = lock_campaign(campaign.pk)
    if campaign.status != CampaignStatus.IN_REVIEW:
        raise Conflict(_("Only a campaign in review can be rejected."))
    campaign.status = CampaignStatus.REJECTED
    campaign.rejection_reason = reason
    campaign.save(update_fields=["status", "rejection_reason", "updated_at"])
    notifications.reviewed(campaign)
    return campaign


@transaction.atomic
def close(campaign) -> Campaign:
    """After fulfilment: the campaign is archived and no shipping details are kept."""
    campaign = lock_campaign(campaign.pk)
    if campaign.status not in ENDED_STATES or campaign.status == CampaignStatus.CLOSED:
        raise Conflict(_("Only an ended campaign can be closed."))
    if campaign.pledges.filter(status="refund_due").exists():
        raise Conflict(_("Some pledges are still to be refunded: refund them first."))
    anonymise_shipping(campaign.pledges.all())
    campaign.status = CampaignStatus.CLOSED
    campaign.closed_at = timezone.now()
    campaign.save(update_fields=["status", "closed_at", "updated_at"])
    return campaign
