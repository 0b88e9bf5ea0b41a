"""Card payments through Stripe PaymentIntents; webhooks verified by their signature.

Secrets come from the environment (``CROWDFUNDING_STRIPE_SECRET_KEY``,
``CROWDFUNDING_STRIPE_WEBHOOK_SECRET``). Every call to Stripe carries an idempotency key
derived from the pledge, so a retried job never pays or refunds twice.
"""
import logging

import stripe
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _, gettext_lazy

from core.conf import plugin_setting
from core.errors import Invalid
from plugins.crowdfunding.models import Pledge, WebhookEvent
from plugins.crowdfunding.providers.base import PaymentProvider, RefundOutcome

logger = logging.getLogger(__name__)


class StripeProvider(PaymentProvider):
    name = "stripe"
    verbose_name = gettext_lazy("Card (Stripe)")
    can_refund = True
    accepts_webhooks = True
    #: A ``stripe.HTTPClient``; None is the library's own (tests give a local one).
    http_client = None

    def is_available(self) -> bool:
        return bool(plugin_setting("crowdfunding", "STRIPE_SECRET_KEY"))

    def client(self) -> stripe.StripeClient:
        return stripe.StripeClient(plugin_setting("crowdfunding", "STRIPE_SECRET_KEY"),
                                   http_client=self.http_client, max_network_retries=2)

    def start(self, pledge) -> dict:
        intent = self.client().v1.payment_intents.create(
            params={"amount": pledge.amount, "currency": pledge.currency.lower(),
                    "metadata": {"pledge": str(pledge.pk), "campaign": str(pledge.campaign_id)},
                    "automatic_payment_methods": {"enabled": True}},
            options={"idempotency_key": f"pledge-{pledge.pk}"})
        pledge.payment_reference = intent.id
        return {"provider": self.name, "payment_intent": intent.id,
                "client_secret": intent.client_secret, "amount": pledge.amount,
                "currency": pledge.currency}

    def cancel(self, pledge) -> None:
        if pledge.payment_reference:
            self.client().v1.payment_intents.cancel(
                pledge.payment_reference, options={"idempotency_key": f"cancel-{pledge.pk}"})

    def refund(self, pledge) -> RefundOutcome:
        refund = self.client().v1.refunds.create(
            params={"payment_intent": pledge.payment_reference},
            options={"idempotency_key": f"refund-{pledge.pk}"})
        return RefundOutcome(done=refund.status in ("succeeded", "pending"),
                             instructions={"refund": refund.id})

    def handle_webhook(self, request) -> None:
        secret = plugin_setting("crowdfunding", "STRIPE_WEBHOOK_SECRET")
        try:
            event = stripe.Webhook.construct_event(
                request.body, request.headers.get("Stripe-Signature", ""), secret)
        except (ValueError, stripe.SignatureVerificationError):
            raise Invalid(_("This event's signature is not valid.")) from None
        with transaction.atomic():
            try:
                with transaction.atomic():
                    WebhookEvent.objects.create(provider=self.name, event_id=event.id,
                                                kind=event.type)
            except IntegrityError:
                return  # delivered before: already applied
            apply_event(event.type, event.data.object)


def apply_event(kind: str, payload) -> None:
    """Move the pledge the event is about; events about no pledge of ours are ignored."""
    from plugins.crowdfunding.services import payments

    intent_id = payload.get("payment_intent") if kind == "charge.refunded" else payload.get("id")
    pledge = Pledge.objects.filter(provider="stripe", payment_reference=intent_id or "").first()
    if pledge is None:
        logger.info("Stripe event %s about no pledge of ours", kind)
        return
    if kind == "payment_intent.succeeded":
        if (payload.get("amount_received", payload.get("amount")) != pledge.amount
                or str(payload.get("currency", "")).upper() != pledge.currency):
            logger.warning("Stripe paid another amount than pledge %s: left pending", pledge.pk)
            return
        payments.mark_paid(pledge.pk)
    elif kind == "payment_intent.canceled":
        payments.mark_failed(pledge.pk)
    elif kind == "charge.refunded" and payload.get("refunded"):
        payments.mark_refunded(pledge.pk)
