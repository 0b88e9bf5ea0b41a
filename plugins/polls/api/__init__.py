"""The polls plugin's API: polls and votes, surveys, their questions and responses."""
