"""DRF serializers of the agenda: what goes in and out of the API (no rule lives here)."""
