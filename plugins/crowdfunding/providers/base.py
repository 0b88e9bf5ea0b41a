"""The payment provider interface: what a provider says about a pledge's money."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class RefundOutcome:
    """``done``: the money went back now; else the managers have to pay it back by hand."""

    done: bool
    instructions: dict


class PaymentProvider:
    """One way to pay. Subclasses are registered through ``crowdfunding_payment_providers``.

    A provider reports status changes by calling ``plugins.crowdfunding.services.payments``
    (``mark_paid``, ``mark_failed``, ``mark_refunded``); it never moves a total itself.
    """

    name: str = ""
    verbose_name: str = ""
    can_refund: bool = False     # refunds by itself (else refunds are listed for the managers)
    backer_can_cancel: bool = True  # a backer may cancel before the end
    accepts_webhooks: bool = False

    def is_available(self) -> bool:
        """False when the deployment lacks what the provider needs (its secrets)."""
        return True

    def start(self, pledge) -> dict:
        """Prepare the payment of a new pledge (inside its transaction); return what the backer
        needs to pay, stored nowhere but in the creation response. May set
        ``pledge.payment_reference`` (saved by the caller)."""
        raise NotImplementedError

    def cancel(self, pledge) -> None:
        """A pending pledge is cancelled: stop any payment still under way (default: nothing)."""

    def refund(self, pledge) -> RefundOutcome:
        """Give a paid pledge's money back, or say what the managers must pay back."""
        raise NotImplementedError

    def handle_webhook(self, request) -> None:
        """Verify and apply one event the provider sent; raise core.errors.Invalid when the
        signature or the body is wrong (nothing changes then)."""
        raise NotImplementedError
