"""The plugin contract: hooks only, works alone or disabled; money is never a float anywhere."""
from pathlib import Path

import pytest
from django.apps import apps
from django.db import models
from rest_framework import serializers

from core.money import AmountField
from core.plugins import collect
from plugins.crowdfunding import serializers as crowdfunding_serializers
from plugins.crowdfunding.models import Campaign
from plugins.crowdfunding.privacy import CrowdfundingPrivacyHandler
from tests.stent_process import request_in_process

ROOT = Path(__file__).resolve().parents[3]
SCHEMA = "GET /api/v1/schema/?format=json"


def test_enabled_alone_crowdfunding_is_served_and_documented():
    out = request_in_process(["GET /api/v1/", SCHEMA, "GET /api/v1/crowdfunding/reward-kinds/"],
                             STENT_PLUGINS="crowdfunding")
    assert [p["name"] for p in out["GET /api/v1/"]["body"]["plugins"]] == ["crowdfunding"]
    assert out["GET /api/v1/crowdfunding/reward-kinds/"]["body"] == []
    paths = out[SCHEMA]["body"]["paths"]
    for path in ("/api/v1/crowdfunding/campaigns/", "/api/v1/crowdfunding/campaigns/{id}/",
                 "/api/v1/crowdfunding/campaigns/{id}/submit/",
                 "/api/v1/crowdfunding/campaigns/{id}/approve/",
                 "/api/v1/crowdfunding/campaigns/{id}/reject/",
                 "/api/v1/crowdfunding/campaigns/{id}/stats/",
                 "/api/v1/crowdfunding/campaigns/{id}/report/",
                 "/api/v1/crowdfunding/campaigns/{campaign}/tiers/",
                 "/api/v1/crowdfunding/campaigns/{campaign}/pledges/",
                 "/api/v1/crowdfunding/campaigns/{campaign}/pledges/mine/",
                 "/api/v1/crowdfunding/campaigns/{campaign}/updates/",
                 "/api/v1/crowdfunding/providers/{name}/webhook/"):
        assert path in paths, path


def test_disabled_crowdfunding_leaves_no_url_or_schema():
    out = request_in_process(["GET /api/v1/crowdfunding/campaigns/", SCHEMA],
                             STENT_PLUGINS="petitions")
    assert out["GET /api/v1/crowdfunding/campaigns/"]["status"] == 404
    assert not [p for p in out[SCHEMA]["body"]["paths"] if "/crowdfunding/" in p]


def test_the_core_never_imports_the_plugin():
    core_sources = "\n".join(path.read_text() for path in (ROOT / "core").rglob("*.py"))
    assert "plugins.crowdfunding" not in core_sources


def test_hook_stent_privacy_handlers_crowdfunding_covers_every_model_pointing_to_a_member():
    assert CrowdfundingPrivacyHandler in collect("stent_privacy_handlers")
    user = apps.get_model("identity.User")
    pointing = [m for m in apps.get_app_config("crowdfunding").get_models()
                if any(getattr(f, "related_model", None) is user
                       for f in m._meta.get_fields() if f.concrete)]
    assert set(pointing) <= set(CrowdfundingPrivacyHandler.models)


def test_hook_stent_search_models_crowdfunding_registers_campaigns():
    assert Campaign in collect("stent_search_models")


def test_hook_stent_add_hookspecs_crowdfunding_declares_its_extension_points():
    from core.plugins import get_manager

    assert hasattr(get_manager().hook, "crowdfunding_reward_kinds")
    assert hasattr(get_manager().hook, "crowdfunding_payment_providers")


def test_hook_crowdfunding_payment_providers_ships_manual_and_stripe():
    assert [p.name for p in collect("crowdfunding_payment_providers")] == ["manual", "stripe"]


def test_money_is_never_a_float_in_models_serializers_or_schema(api_client, db):
    for model in apps.get_app_config("crowdfunding").get_models():
        for field in model._meta.concrete_fields:
            assert not isinstance(field, (models.FloatField, models.DecimalField)), field
            if "amount" in field.name or field.name in ("goal", "raised"):
                assert isinstance(field, AmountField), field
    for name in dir(crowdfunding_serializers):
        candidate = getattr(crowdfunding_serializers, name)
        if isinstance(candidate, type) and issubclass(candidate, serializers.Serializer):
            for field_name, field in candidate().fields.items():
                assert not isinstance(field, (serializers.FloatField,
                                              serializers.DecimalField)), (name, field_name)
    schema = api_client.get("/api/v1/schema/?format=json").json()
    components = schema["components"]["schemas"]

    def walk(node, where):
        if isinstance(node, dict):
            assert node.get("type") != "number" and node.get("format") not in (
                "float", "double", "decimal"), where
            for key, value in node.items():
                walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{where}[{index}]")

    crowdfunding = {name: body for name, body in components.items()
                    if any(word in name for word in ("Campaign", "Pledge", "Tier", "Money",
                                                     "Stats", "Crowdfunding", "Payment"))}
    # The pledge body's component (named ``CrowdfundingPledgeCreateRequest`` when another
    # enabled plugin also has a ``PledgeCreateSerializer``).
    pledge_create = next(
        operation["post"]["requestBody"]["content"]["application/json"]["schema"]["$ref"]
        for path, operation in schema["paths"].items()
        if "/crowdfunding/" in path and path.endswith("/pledges/") and "post" in operation)
    pledge_create = pledge_create.rsplit("/", 1)[-1]
    assert "Campaign" in crowdfunding and pledge_create in crowdfunding
    walk(crowdfunding, "components")
    walk({p: b for p, b in schema["paths"].items() if "/crowdfunding/" in p}, "paths")
    assert components[pledge_create]["properties"]["amount"]["type"] == "integer"


def test_pledge_creation_declares_the_idempotency_key_and_its_errors(api_client, db):
    schema = api_client.get("/api/v1/schema/?format=json").json()
    create = schema["paths"]["/api/v1/crowdfunding/campaigns/{campaign}/pledges/"]["post"]
    assert "requestBody" in create
    assert "Idempotency-Key" in [p["name"] for p in create["parameters"]]
    assert {"201", "400", "401", "403", "404", "409"} <= set(create["responses"])


@pytest.mark.parametrize("url", ["/api/v1/crowdfunding/campaigns/not-there/",
                                 "/api/v1/crowdfunding/campaigns/not-there/tiers/",
                                 "/api/v1/crowdfunding/pledges/mine/?cursor=garbage"])
def test_garbage_gets_a_4xx_json_error(api_client, db, url):
    response = api_client.get(url)
    assert 400 <= response.status_code < 500
    assert response["Content-Type"].startswith("application/json")
