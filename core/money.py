"""Money: whole minor units (cents) plus an ISO 4217 code, never a float, formatted by Babel.

A pledge of 15 euros is ``Money(1500, "EUR")``; the yen has no minor unit, so 1500 yen is
``Money(1500, "JPY")``. Models store ``AmountField()`` and ``CurrencyField()`` side by side;
the API shows ``{"amount": 1500, "currency": "EUR", "formatted": "15,00 €"}``.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from babel.core import Locale, UnknownLocaleError
from babel.numbers import format_currency, get_currency_precision, list_currencies
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

CURRENCIES = frozenset(list_currencies())


def is_currency(code) -> bool:
    return isinstance(code, str) and code in CURRENCIES


def validate_currency(code) -> None:
    if not is_currency(code):
        raise ValidationError(_("“%(code)s” is not an ISO 4217 currency code."),
                              code="invalid_currency", params={"code": code})


def minor_units(currency: str) -> int:
    """How many decimals the currency has: 2 for EUR, 0 for JPY, 3 for KWD."""
    validate_currency(currency)
    return get_currency_precision(currency)


def _whole(amount) -> int:
    if not isinstance(amount, int) or isinstance(amount, bool):
        raise TypeError(f"An amount is a whole number of minor units, not {amount!r}.")
    return amount


@dataclass(frozen=True)
class Money:
    """An amount in minor units of one currency; adds and subtracts only with the same one."""

    amount: int
    currency: str

    def __post_init__(self):
        _whole(self.amount)
        validate_currency(self.currency)

    def _same_currency(self, other) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        if other.currency != self.currency:
            raise ValueError(f"Cannot mix {self.currency} and {other.currency}.")
        return other

    def __add__(self, other):
        other = self._same_currency(other)
        if other is NotImplemented:
            return other
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other):
        other = self._same_currency(other)
        if other is NotImplemented:
            return other
        return Money(self.amount - other.amount, self.currency)

    def __str__(self):
        return format_money(self.amount, self.currency)


def _babel_locale(locale: str | None) -> str:
    name = (locale or get_language() or "en").replace("-", "_")
    try:
        return str(Locale.parse(name))
    except (UnknownLocaleError, ValueError):
        return "en"


def format_money(amount: int, currency: str, locale: str | None = None) -> str:
    """The amount as people of ``locale`` (default: the active language) write it."""
    digits = minor_units(currency)
    value = Decimal(_whole(amount)).scaleb(-digits)
    return format_currency(value, currency, locale=_babel_locale(locale))


class AmountField(models.BigIntegerField):
    """A non-negative amount in minor units (pair it with a ``CurrencyField``)."""

    default_validators = [MinValueValidator(0)]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("verbose_name", _("amount (minor units)"))
        super().__init__(*args, **kwargs)


class CurrencyField(models.CharField):
    """An ISO 4217 code, validated against Babel's list of currencies."""

    default_validators = [validate_currency]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("verbose_name", _("currency"))
        kwargs["max_length"] = 3
        super().__init__(*args, **kwargs)


class MoneySerializer(serializers.Serializer):
    """``{"amount": 1500, "currency": "EUR", "formatted": "15,00 €"}`` from a ``Money``
    (or anything with ``amount`` and ``currency``); validates to a ``Money``."""

    amount = serializers.IntegerField(min_value=0, help_text=_("In minor units (cents)."))
    currency = serializers.CharField(min_length=3, max_length=3,
                                     help_text=_("ISO 4217 code, e.g. EUR."))
    formatted = serializers.SerializerMethodField()

    def get_formatted(self, money) -> str:
        return format_money(money.amount, money.currency)

    def validate_currency(self, value):
        if not is_currency(value):
            raise serializers.ValidationError(
                _("“%(code)s” is not an ISO 4217 currency code.") % {"code": value})
        return value

    def to_internal_value(self, data):
        if isinstance(data, dict) and isinstance(data.get("amount"), float):
            raise serializers.ValidationError(
                {"amount": [_("An amount is a whole number of minor units (cents).")]})
        values = super().to_internal_value(data)
        # A partial update (PATCH) does not make the two halves of an amount optional.
        missing = {name: [_("An amount needs both its amount and its currency.")]
                   for name in ("amount", "currency") if name not in values}
        if missing:
            raise serializers.ValidationError(missing)
        return Money(values["amount"], values["currency"])
