"""The crowdfunding API, mounted by the core at /api/v1/crowdfunding/."""
