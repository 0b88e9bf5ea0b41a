"""Petitions: Members raise their voice together without exposing who signed."""
