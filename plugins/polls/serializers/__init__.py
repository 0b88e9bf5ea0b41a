"""DRF serializers of the polls plugin: polls and votes, surveys, questions and responses."""
