"""Extension points of the crowdfunding plugin, added to the manager through stent_add_hookspecs."""
import pluggy

hookspec = pluggy.HookspecMarker("stent")


@hookspec
def crowdfunding_reward_kinds():
    """Return a list of RewardKind instances (plugins/crowdfunding/reward_kinds.py)."""


@hookspec
def crowdfunding_payment_providers():
    """Return a list of PaymentProvider instances (plugins/crowdfunding/providers/base.py);
    names unique site-wide."""
