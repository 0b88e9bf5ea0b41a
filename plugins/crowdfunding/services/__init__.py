"""The write-side rules of crowdfunding, one module per concern."""
