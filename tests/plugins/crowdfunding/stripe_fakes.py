"""Stripe without the network: a local HTTP client answering like the API, signed webhooks."""
import hashlib
import hmac
import json
import time
from itertools import count

import pytest
import stripe

from plugins.crowdfunding.providers.registry import payment_providers

WEBHOOK_SECRET = "whsec_test_local_only"
_ids = count(1)


class LocalStripe(stripe.HTTPClient):
    """Answers PaymentIntent, cancel and refund calls as Stripe would; records each request."""

    name = "local"

    def __init__(self):
        super().__init__()
        self.requests = []

    def request(self, method, url, headers, post_data=None, *, _usage=None):
        self.requests.append((method, url, dict(headers or {}), post_data))
        number = next(_ids)
        if url.endswith("/v1/payment_intents"):
            body = {"id": f"pi_test_{number}", "object": "payment_intent",
                    "client_secret": f"pi_test_{number}_secret",
                    "status": "requires_payment_method"}
        elif "/cancel" in url:
            body = {"id": url.split("/")[-2], "object": "payment_intent", "status": "canceled"}
        elif url.endswith("/v1/refunds"):
            body = {"id": f"re_test_{number}", "object": "refund", "status": "succeeded"}
        else:
            return json.dumps({"error": {"message": "unknown"}}), 404, {}
        return json.dumps(body), 200, {"request-id": f"req_{number}"}

    def close(self):
        pass


@pytest.fixture
def local_stripe(settings, monkeypatch):
    settings.CROWDFUNDING_STRIPE_SECRET_KEY = "sk_test_local_only"
    settings.CROWDFUNDING_STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    client = LocalStripe()
    monkeypatch.setattr(type(payment_providers()["stripe"]), "http_client", client)
    return client


def signed(event: dict, secret: str = WEBHOOK_SECRET) -> tuple[bytes, str]:
    """The body and Stripe-Signature header Stripe would send for ``event``."""
    payload = json.dumps(event)
    timestamp = int(time.time())
    signature = hmac.new(secret.encode(), f"{timestamp}.{payload}".encode(),
                         hashlib.sha256).hexdigest()
    return payload.encode(), f"t={timestamp},v1={signature}"


def event(kind: str, obj: dict, event_id: str | None = None) -> dict:
    return {"id": event_id or f"evt_{next(_ids)}", "object": "event", "type": kind,
            "data": {"object": obj}}
