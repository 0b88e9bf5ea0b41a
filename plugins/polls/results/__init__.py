"""Published figures of polls and surveys: every one goes through core.privacy.statistics."""
