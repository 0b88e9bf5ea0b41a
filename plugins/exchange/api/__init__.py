"""The exchange API, mounted by the core at /api/v1/exchange/ (see urls.py)."""
