"""A test-only app: an Audienced model to run the privacy matrix against."""
