"""Equipment exchange: Giving and receiving unused medical equipment."""
