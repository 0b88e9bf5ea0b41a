"""Accounts and member identity: the user model, profiles, circles, professional verification."""
