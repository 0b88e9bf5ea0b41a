"""The petitions API, mounted by the core at /api/v1/petitions/ (see urls.py)."""
