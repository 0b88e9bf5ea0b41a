"""Stent's small core: identity, privacy policy, communities, the plugin manager and API wiring."""
