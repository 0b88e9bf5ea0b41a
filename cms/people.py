"""How pages show the people behind them: by public handle only, never by e-mail or name."""


def public_handle(user):
    """The member's public handle, or None when they have none (or no account any more)."""
    if user is None:
        return None
    profile = getattr(user, "profile", None)
    return getattr(profile, "handle", None) or None
