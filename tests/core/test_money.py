"""Money: whole minor units and an ISO 4217 code, formatted by locale; no float anywhere."""
import pytest
from django.core.exceptions import ValidationError
from django.urls import path
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.response import Response

from core.money import (AmountField, CurrencyField, Money, MoneySerializer, format_money,
                        minor_units)


def spaces_normalised(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ")


def test_a_float_is_refused_everywhere():
    with pytest.raises(TypeError):
        Money(1.5, "EUR")
    with pytest.raises(TypeError):
        Money(True, "EUR")
    with pytest.raises(TypeError):
        format_money(15.0, "EUR")
    serializer = MoneySerializer(data={"amount": 15.0, "currency": "EUR"})
    assert not serializer.is_valid()
    assert serializer.errors == {"amount": ["An amount is a whole number of minor units "
                                            "(cents)."]}


def test_currencies_are_iso_4217_and_only_add_to_themselves():
    with pytest.raises(ValidationError):
        Money(100, "EURO")
    assert Money(1500, "EUR") + Money(250, "EUR") == Money(1750, "EUR")
    assert Money(1500, "EUR") - Money(250, "EUR") == Money(1250, "EUR")
    with pytest.raises(ValueError):
        Money(1500, "EUR") + Money(1500, "USD")
    with pytest.raises(TypeError):
        Money(1500, "EUR") + 5
    assert (minor_units("EUR"), minor_units("JPY"), minor_units("KWD")) == (2, 0, 3)


def test_amounts_are_formatted_in_the_readers_language(settings):
    assert spaces_normalised(format_money(1500, "EUR", "fr")) == "15,00 €"
    assert format_money(1500, "EUR", "en") == "€15.00"
    assert format_money(1500, "JPY", "en") == "¥1,500"
    assert spaces_normalised(format_money(123456, "EUR", "fr-BE")) == "1 234,56 €"
    assert format_money(1500, "EUR", "xx-nowhere") == "€15.00"


def test_the_serializer_reads_and_writes_money():
    out = MoneySerializer(Money(1500, "EUR"), context={}).data
    assert out["amount"] == 1500 and out["currency"] == "EUR"
    serializer = MoneySerializer(data={"amount": 1500, "currency": "EUR"})
    assert serializer.is_valid() and serializer.validated_data == Money(1500, "EUR")
    bad = MoneySerializer(data={"amount": -1, "currency": "XYZ"})
    assert not bad.is_valid()
    assert set(bad.errors) == {"amount", "currency"}


def test_the_model_fields_validate():
    amount, currency = AmountField(), CurrencyField()
    with pytest.raises(ValidationError):
        amount.run_validators(-5)
    with pytest.raises(ValidationError):
        currency.run_validators("eur")
    currency.run_validators("EUR")
    assert currency.max_length == 3


class PledgeSerializer(serializers.Serializer):
    total = MoneySerializer()


@extend_schema(responses=PledgeSerializer)
@api_view(["GET"])
def pledge_view(request):
    return Response({})


def test_amounts_are_integers_in_the_schema():
    generator = SchemaGenerator(patterns=[path("api/v1/pledge/", pledge_view)])
    schema = generator.get_schema(request=None, public=True)
    money = schema["components"]["schemas"]["Money"]
    assert money["properties"]["amount"]["type"] == "integer"
    assert money["properties"]["currency"] == {"type": "string", "maxLength": 3, "minLength": 3,
                                               "description": "ISO 4217 code, e.g. EUR."}
    assert money["properties"]["formatted"] == {"type": "string", "readOnly": True}


def test_a_partial_update_still_needs_both_halves_of_an_amount():
    from rest_framework import serializers as drf

    from core.money import MoneySerializer

    class Priced(drf.Serializer):
        price = MoneySerializer()

    form = Priced(data={"price": {"amount": 500}}, partial=True)
    assert not form.is_valid()
    assert "currency" in form.errors["price"]
