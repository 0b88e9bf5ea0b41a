"""Crowdfunding: Campaigns with pledges and rewards."""
