"""Bank transfer with a structured reference; the managers mark it received and refund it."""
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from core.conf import plugin_setting
from plugins.crowdfunding.providers.base import PaymentProvider, RefundOutcome
from plugins.crowdfunding.providers.references import make_reference


class ManualTransferProvider(PaymentProvider):
    name = "manual"
    verbose_name = _("Bank transfer")
    can_refund = False  # the managers pay back by hand: refunds are listed for them

    def start(self, pledge) -> dict:
        kind = plugin_setting("crowdfunding", "MANUAL_REFERENCE_FORMAT")
        for _attempt in range(5):
            pledge.payment_reference = make_reference(kind)
            try:
                with transaction.atomic():  # a collision of random references: draw again
                    pledge.save(update_fields=["payment_reference"])
                break
            except IntegrityError:
                continue
        return {
            "provider": self.name,
            "reference": pledge.payment_reference,
            "iban": plugin_setting("crowdfunding", "MANUAL_IBAN"),
            "beneficiary": plugin_setting("crowdfunding", "MANUAL_BENEFICIARY"),
            "amount": pledge.amount,
            "currency": pledge.currency,
        }

    def refund(self, pledge) -> RefundOutcome:
        return RefundOutcome(done=False, instructions={"reference": pledge.payment_reference})
