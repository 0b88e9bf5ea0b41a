"""The enabled payment providers, as the plugins return them through the hook."""
from __future__ import annotations

from django.utils.translation import gettext as _

from core.errors import Invalid, NotFound
from core.plugins import collect


def payment_providers() -> dict:
    """Every provider the enabled plugins register, available or not, by name."""
    providers = {}
    for provider in collect("crowdfunding_payment_providers"):
        if provider.name in providers:
            raise ValueError(f"Two plugins register the payment provider {provider.name!r}.")
        providers[provider.name] = provider
    return providers


def available_providers() -> dict:
    return {name: p for name, p in payment_providers().items() if p.is_available()}


def provider_named(name: str, *, field: str | None = None):
    """An available provider; a clear 400 on ``field`` (or a 404 without one) otherwise."""
    provider = available_providers().get(name)
    if provider is None:
        if field:
            raise Invalid(field, _("Unknown payment provider “%(name)s”; choose one of: "
                                   "%(names)s.") % {"name": name,
                                                     "names": ", ".join(available_providers())})
        raise NotFound()
    return provider
