"""Benchmark cases of the toys_donation plugin: the institutions list."""
from benchmarks.cases import Case


def seed_institutions(viewer, rows):
    """Verified public institutions (and a few unverified ones the viewer must not see)."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from core.privacy.audiences import Audience
    from plugins.toys_donation.models import Institution

    owner = get_user_model().objects.create_user(email="bench-toys@stent.example", password="x")
    Institution.objects.bulk_create(
        Institution(owner=owner, audience=Audience.PUBLIC, name=f"Hôpital {i}", city="Nantes",
                    region="Pays de la Loire", verified_at=timezone.now() if i % 5 else None)
        for i in range(rows))


CASES = [
    Case(name="toys_donation institutions", endpoint="/api/v1/toys_donation/institutions/",
         model_label="toys_donation.Institution", ordering=("-created_at",),
         fields=("id", "name", "kind", "city", "region", "verified_at", "created_at"),
         seed=seed_institutions),
]
