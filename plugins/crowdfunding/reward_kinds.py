"""Kinds of rewards other plugins add to tiers (toys_donation's toys, for example).

A kind validates its tier's ``reward_config`` and each pledge's ``reward_data``, and hears of
the pledge's life: ``pledge_paid`` once when it becomes paid, ``pledge_refunded`` once when a
paid pledge is refunded or cancelled, both inside the transaction of that change.
"""
from __future__ import annotations

from core.plugins import collect


class RewardKind:
    key: str = ""            # unique, e.g. "toys_donation.toys"
    verbose_name: str = ""   # translatable

    def validate_tier(self, config: dict) -> dict:
        """Return the tier's cleaned reward_config; raise core.errors.Invalid."""
        return config

    def validate_pledge(self, tier, data: dict) -> dict:
        """Return the pledge's cleaned reward_data; raise core.errors.Invalid."""
        return data

    def pledge_paid(self, pledge) -> None:
        """Called once when a pledge becomes paid (idempotent)."""

    def pledge_refunded(self, pledge) -> None:
        """Called once when a paid pledge is refunded/cancelled."""

    def describe(self, pledge) -> dict:
        """What the backer sees their contribution became."""
        return {}


def reward_kinds() -> dict[str, RewardKind]:
    """The kinds the enabled plugins add, by key (none when no other plugin adds one)."""
    kinds = {}
    for kind in collect("crowdfunding_reward_kinds"):
        if kind.key in kinds:
            raise ValueError(f"Two plugins add the reward kind {kind.key!r}.")
        kinds[kind.key] = kind
    return kinds


def reward_kind(key: str) -> RewardKind | None:
    """The kind of a tier, or None for an ordinary reward (or a kind no longer enabled)."""
    return reward_kinds().get(key) if key else None
