"""Wagtail page types, the headless pages API and the site-wide search."""
