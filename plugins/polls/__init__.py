"""Polls and surveys: Questions to a community, with results that never single anyone out."""
