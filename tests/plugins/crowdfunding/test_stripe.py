"""Stripe: PaymentIntents and refunds through a local HTTP client, webhooks signed locally."""
import pytest

from plugins.crowdfunding.models import Pledge, PledgeStatus, WebhookEvent
from tests.plugins.crowdfunding.conftest import client_for
from tests.plugins.crowdfunding.factories import make_campaign, make_tier, pledge
from tests.plugins.crowdfunding.stripe_fakes import event, local_stripe, signed  # noqa: F401

pytestmark = pytest.mark.django_db

WEBHOOK = "/api/v1/crowdfunding/providers/stripe/webhook/"


def deliver(evt, secret=None):
    body, header = signed(evt, *([secret] if secret else []))
    return client_for().post(WEBHOOK, body, content_type="application/json",
                             HTTP_STRIPE_SIGNATURE=header)


def succeeded(p, **extra):
    return event("payment_intent.succeeded", {
        "id": p.payment_reference, "object": "payment_intent", "amount": p.amount,
        "amount_received": p.amount, "currency": p.currency.lower(), **extra})


def test_a_card_pledge_creates_a_payment_intent(local_stripe, member):
    campaign = make_campaign()
    response = client_for(member).post(
        f"/api/v1/crowdfunding/campaigns/{campaign.pk}/pledges/",
        {"amount": 4_200, "currency": "EUR", "provider": "stripe"}, format="json")
    assert response.status_code == 201, response.json()
    payment = response.json()["payment"]
    assert payment["client_secret"].startswith(payment["payment_intent"])
    method, url, headers, data = local_stripe.requests[0]
    assert url.endswith("/v1/payment_intents") and "amount=4200" in data
    assert "currency=eur" in data
    assert headers["Idempotency-Key"] == f"pledge-{response.json()['pledge']['id']}"
    assert Pledge.objects.get().payment_reference == payment["payment_intent"]


def test_providers_listed_only_when_configured(settings):
    names = [p["name"] for p in client_for().get("/api/v1/crowdfunding/providers/").json()]
    assert names == ["manual"]
    settings.CROWDFUNDING_STRIPE_SECRET_KEY = "sk_test_x"
    names = [p["name"] for p in client_for().get("/api/v1/crowdfunding/providers/").json()]
    assert names == ["manual", "stripe"]


def test_a_bad_signature_is_refused_and_changes_nothing(local_stripe):
    campaign = make_campaign()
    p = pledge(campaign, provider="stripe")
    response = deliver(succeeded(p), secret="whsec_someone_else")
    assert response.status_code == 400
    body, _header = signed(succeeded(p))
    unsigned = client_for().post(WEBHOOK, body, content_type="application/json")
    assert unsigned.status_code == 400
    p.refresh_from_db()
    assert p.status == PledgeStatus.PENDING and not WebhookEvent.objects.exists()
    campaign.refresh_from_db()
    assert campaign.raised == 0


def test_a_good_event_pays_exactly_once_even_delivered_twice(local_stripe):
    campaign = make_campaign()
    p = pledge(campaign, provider="stripe")
    evt = succeeded(p)
    assert deliver(evt).status_code == 200
    assert deliver(evt).status_code == 200
    # The same news under another event id (Stripe retries with the same id, but be safe).
    assert deliver(succeeded(p)).status_code == 200
    p.refresh_from_db()
    campaign.refresh_from_db()
    assert p.status == PledgeStatus.PAID
    assert (campaign.raised, campaign.backer_count) == (p.amount, 1)


def test_events_out_of_order_never_pay_a_refunded_pledge(local_stripe):
    campaign = make_campaign()
    tier = make_tier(campaign=campaign, quantity=3)
    p = pledge(campaign, provider="stripe", tier=tier)
    refunded = event("charge.refunded", {"id": "ch_1", "object": "charge", "refunded": True,
                                         "payment_intent": p.payment_reference})
    assert deliver(refunded).status_code == 200
    assert deliver(succeeded(p)).status_code == 200
    p.refresh_from_db()
    campaign.refresh_from_db()
    tier.refresh_from_db()
    assert p.status == PledgeStatus.REFUNDED
    assert (campaign.raised, campaign.backer_count, tier.taken) == (0, 0, 0)


def test_another_amount_leaves_the_pledge_pending(local_stripe):
    campaign = make_campaign()
    p = pledge(campaign, provider="stripe")
    deliver(succeeded(p, amount=1, amount_received=1))
    p.refresh_from_db()
    assert p.status == PledgeStatus.PENDING


def test_a_cancelled_intent_gives_the_place_back(local_stripe):
    campaign = make_campaign()
    tier = make_tier(campaign=campaign, quantity=1)
    p = pledge(campaign, provider="stripe", tier=tier)
    deliver(event("payment_intent.canceled", {"id": p.payment_reference,
                                              "object": "payment_intent"}))
    tier.refresh_from_db()
    assert tier.taken == 0


def test_a_backer_cancels_a_paid_card_pledge_and_stripe_refunds_it(local_stripe, member):
    campaign = make_campaign()
    p = pledge(campaign, member, provider="stripe")
    deliver(succeeded(p))
    response = client_for(member).post(f"/api/v1/crowdfunding/pledges/{p.pk}/cancel/")
    assert response.status_code == 200 and response.json()["status"] == "refunded"
    assert local_stripe.requests[-1][1].endswith("/v1/refunds")
    assert local_stripe.requests[-1][2]["Idempotency-Key"] == f"refund-{p.pk}"
    campaign.refresh_from_db()
    assert (campaign.raised, campaign.backer_count) == (0, 0)
    # Stripe's own refund event afterwards changes nothing more.
    deliver(event("charge.refunded", {"id": "ch_2", "object": "charge", "refunded": True,
                                      "payment_intent": p.payment_reference}))
    campaign.refresh_from_db()
    assert campaign.raised == 0


def test_webhooks_of_unknown_or_manual_providers(local_stripe):
    assert client_for().post("/api/v1/crowdfunding/providers/nope/webhook/").status_code == 404
    assert client_for().post(
        "/api/v1/crowdfunding/providers/manual/webhook/").status_code == 405


def test_a_payment_arriving_after_a_cancellation_is_refunded_through_stripe(local_stripe, member):
    campaign = make_campaign()
    tier = make_tier(campaign=campaign, quantity=1)
    p = pledge(campaign, member, provider="stripe", tier=tier)
    cancelled = client_for(member).post(f"/api/v1/crowdfunding/pledges/{p.pk}/cancel/")
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    # The card payment went through anyway (the cancel raced with the backer's payment).
    assert deliver(succeeded(p)).status_code == 200
    refunds = [request for request in local_stripe.requests if request[1].endswith("/v1/refunds")]
    assert len(refunds) == 1
    assert f"payment_intent={p.payment_reference}" in refunds[0][3]
    assert refunds[0][2]["Idempotency-Key"] == f"refund-{p.pk}"
    p.refresh_from_db()
    assert p.status == PledgeStatus.REFUNDED and p.refunded_at is not None
    # The money never counted, and the tier's place stays free.
    campaign.refresh_from_db()
    tier.refresh_from_db()
    assert (campaign.raised, campaign.backer_count, tier.taken) == (0, 0, 0)
    # The same news again (another event id) refunds nothing twice.
    assert deliver(succeeded(p)).status_code == 200
    assert len([request for request in local_stripe.requests
                if request[1].endswith("/v1/refunds")]) == 1
