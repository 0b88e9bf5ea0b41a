"""Moderation: reports, hiding and restoring content, member-to-member blocking."""
