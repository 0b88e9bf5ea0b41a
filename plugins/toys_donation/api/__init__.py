"""The toys_donation JSON API, mounted at /api/v1/toys_donation/."""
