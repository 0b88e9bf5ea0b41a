"""Notifications: in-app and e-mail, by kind, according to each member's preferences."""
