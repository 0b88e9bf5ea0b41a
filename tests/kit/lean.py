"""A lean list builds no model instance per row: its rows come from ``.values()``."""
from contextlib import contextmanager

from django.db.models.signals import post_init


@contextmanager
def no_objects_built(*models):
    """Fail when a model instance (of one of ``models``, or of any model) is created inside the
    block (``post_init`` is sent for every instance, built by a query, a prefetch or a
    serializer)."""
    built = []

    def record(sender, **kwargs):
        if not models or sender in models:
            built.append(sender._meta.label)

    post_init.connect(record)
    try:
        yield
    finally:
        post_init.disconnect(record)
    assert not built, f"model instances built: {sorted(set(built))}"
