"""The write-side rules of toy donation, one module per concern."""
